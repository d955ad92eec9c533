"""Where a mock listens: a host name or an IPv4/IPv6 address and a port, bound before the app is built.

Apart from the server so that `testrelay mock` can refuse a host or port it cannot use before it imports
the server and reads the spec.
"""

from __future__ import annotations

import errno
import ipaddress
import re
import socket


class ServeError(Exception):
    """A mock cannot listen where it was asked to; the message says where and why, in one line."""


def url_host(host: str) -> str:
    """The host as it goes in a URL: an IPv6 address in brackets."""
    host = host.strip("[]")
    return f"[{host}]" if ":" in host else host


def resolve_host(host: str) -> tuple[socket.AddressFamily, str]:
    """The family and address to listen on for a host name or an IPv4/IPv6 address (`::1`, `[::1]`)."""
    name = host.strip().removeprefix("[").removesuffix("]")
    if not name:
        raise ServeError("the host is empty: give an address such as 127.0.0.1, ::1 or 0.0.0.0, or a name")
    if re.fullmatch(r"[0-9.]+", name):
        try:
            ipaddress.IPv4Address(name)
        except ValueError:
            raise ServeError(f"{host!r} is not an IPv4 address (four numbers from 0 to 255)") from None
    try:
        found = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) and exc.strerror else "not a valid name"
        raise ServeError(f"name not resolved: {name} ({reason})") from None
    family, _, _, _, address = found[0]
    return family, str(address[0])


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound and already listening, so that clients connect (and wait) while the app is built.

    Raises ServeError, one line saying why, for a host it cannot resolve or a port it cannot bind.
    """
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port} is out of range: give 0 (any free port) to 65535")
    family, address = resolve_host(host)
    # IPPROTO_TCP explicitly: asyncio turns Nagle's algorithm off only for sockets that say they are TCP,
    # and without that every kept-alive answer waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(2048)  # uvicorn's backlog
    except OSError as exc:
        sock.close()
        raise ServeError(_bind_failure(exc, host, port)) from None
    return sock


def _bind_failure(exc: OSError, host: str, port: int) -> str:
    where = f"{url_host(host)}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return f"cannot listen on {where}: the port is in use (give another --port, or 0 for a free one)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        hint = " (ports below 1024 need privileges: give --port 0 or one above 1023)" if 0 < port < 1024 else ""
        return f"cannot listen on {where}: not permitted{hint}"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {where}: {host} is not an address of this machine"
    return f"cannot listen on {where}: {exc.strerror or type(exc).__name__}"
