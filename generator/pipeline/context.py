"""CI facts from the environment of six CI systems, and the CI context a trigger's body takes (`x-ci-context`).

Each CI system is recognised by the variable it always sets; its facts (commit, branch, pull
request, repository, build) are read from its documented variables. A fact the environment lacks
is left out rather than guessed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.spec.ir import Api, CiContext, deref

Env = Mapping[str, str]
Facts = dict[str, str]


def _pr_from_ref(ref: str) -> str:
    match = re.match(r"refs/pull/(\d+)/", ref)
    return match.group(1) if match else ""


def _split_repo(repository: str) -> tuple[str, str]:
    owner, _, name = repository.rpartition("/")
    return owner, name


def _repo_from_git_url(url: str) -> str:
    """`owner/name` from `git@host:owner/name.git` or `https://host/owner/name.git`."""
    match = re.search(r"[:/]([^/:]+/[^/]+?)(?:\.git)?/?$", url)
    return match.group(1) if match else ""


def _github(env: Env) -> Facts:
    repository = env.get("GITHUB_REPOSITORY", "")
    server = env.get("GITHUB_SERVER_URL", "https://github.com")
    ref = env.get("GITHUB_REF", "")
    pr = _pr_from_ref(ref)
    run_id = env.get("GITHUB_RUN_ID", "")
    return {
        "repository": repository,
        "repository_owner": env.get("GITHUB_REPOSITORY_OWNER") or _split_repo(repository)[0],
        "repository_name": _split_repo(repository)[1],
        "commit": env.get("GITHUB_SHA", ""),
        "ref": ref,
        "branch": env.get("GITHUB_HEAD_REF") or env.get("GITHUB_REF_NAME", ""),
        "pr_number": pr,
        "pr_url": f"{server}/{repository}/pull/{pr}" if pr and repository else "",
        "build_url": f"{server}/{repository}/actions/runs/{run_id}" if run_id and repository else "",
        "build_number": env.get("GITHUB_RUN_NUMBER", ""),
        "job": env.get("GITHUB_JOB", ""),
        "pipeline": env.get("GITHUB_WORKFLOW", ""),
    }


def _gitlab(env: Env) -> Facts:
    mr = env.get("CI_MERGE_REQUEST_IID", "")
    project_url = env.get("CI_MERGE_REQUEST_PROJECT_URL") or env.get("CI_PROJECT_URL", "")
    branch = (
        env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")
        or env.get("CI_COMMIT_BRANCH")
        or env.get("CI_COMMIT_REF_NAME", "")
    )
    return {
        "repository": env.get("CI_PROJECT_PATH", ""),
        "repository_owner": env.get("CI_PROJECT_NAMESPACE", ""),
        "repository_name": env.get("CI_PROJECT_NAME", ""),
        "commit": env.get("CI_COMMIT_SHA", ""),
        "ref": f"refs/heads/{branch}" if branch else "",
        "branch": branch,
        "pr_number": mr,
        "pr_url": f"{project_url}/-/merge_requests/{mr}" if mr and project_url else "",
        "build_url": env.get("CI_PIPELINE_URL", ""),
        "build_number": env.get("CI_PIPELINE_IID", ""),
        "job": env.get("CI_JOB_NAME", ""),
        "pipeline": env.get("CI_PROJECT_NAME", ""),
    }


def _jenkins(env: Env) -> Facts:
    branch = env.get("CHANGE_BRANCH") or env.get("BRANCH_NAME") or env.get("GIT_BRANCH", "").removeprefix("origin/")
    repository = _repo_from_git_url(env.get("GIT_URL", ""))
    return {
        "repository": repository,
        "repository_owner": _split_repo(repository)[0],
        "repository_name": _split_repo(repository)[1],
        "commit": env.get("GIT_COMMIT", ""),
        "ref": f"refs/heads/{branch}" if branch else "",
        "branch": branch,
        "pr_number": env.get("CHANGE_ID", ""),
        "pr_url": env.get("CHANGE_URL", ""),
        "build_url": env.get("BUILD_URL", ""),
        "build_number": env.get("BUILD_NUMBER", ""),
        "job": env.get("JOB_BASE_NAME") or env.get("JOB_NAME", ""),
        "pipeline": env.get("JOB_NAME", ""),
    }


def _circleci(env: Env) -> Facts:
    pr_url = env.get("CIRCLE_PULL_REQUEST", "")
    owner, name = env.get("CIRCLE_PROJECT_USERNAME", ""), env.get("CIRCLE_PROJECT_REPONAME", "")
    branch = env.get("CIRCLE_BRANCH", "")
    return {
        "repository": f"{owner}/{name}" if owner and name else "",
        "repository_owner": owner,
        "repository_name": name,
        "commit": env.get("CIRCLE_SHA1", ""),
        "ref": f"refs/heads/{branch}" if branch else "",
        "branch": branch,
        "pr_number": env.get("CIRCLE_PR_NUMBER") or (pr_url.rstrip("/").rpartition("/")[2] if pr_url else ""),
        "pr_url": pr_url,
        "build_url": env.get("CIRCLE_BUILD_URL", ""),
        "build_number": env.get("CIRCLE_BUILD_NUM", ""),
        "job": env.get("CIRCLE_JOB", ""),
        "pipeline": name,
    }


def _azure(env: Env) -> Facts:
    source_branch = env.get("SYSTEM_PULLREQUEST_SOURCEBRANCH") or env.get("BUILD_SOURCEBRANCH", "")
    collection, project, build = (
        env.get("SYSTEM_COLLECTIONURI", ""),
        env.get("SYSTEM_TEAMPROJECT", ""),
        env.get("BUILD_BUILDID", ""),
    )
    repository = env.get("BUILD_REPOSITORY_NAME", "")
    return {
        "repository": repository,
        "repository_owner": _split_repo(repository)[0] or project,
        "repository_name": _split_repo(repository)[1],
        "commit": env.get("BUILD_SOURCEVERSION", ""),
        "ref": env.get("BUILD_SOURCEBRANCH", ""),
        "branch": source_branch.removeprefix("refs/heads/"),
        "pr_number": env.get("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER") or env.get("SYSTEM_PULLREQUEST_PULLREQUESTID", ""),
        "pr_url": "",
        "build_url": f"{collection.rstrip('/')}/{project}/_build/results?buildId={build}"
        if collection and project and build
        else "",
        "build_number": env.get("BUILD_BUILDNUMBER", ""),
        "job": env.get("SYSTEM_JOBDISPLAYNAME", ""),
        "pipeline": env.get("BUILD_DEFINITIONNAME", ""),
    }


def _buildkite(env: Env) -> Facts:
    pr = env.get("BUILDKITE_PULL_REQUEST", "")
    pr = "" if pr == "false" else pr
    repository = _repo_from_git_url(env.get("BUILDKITE_REPO", ""))
    branch = env.get("BUILDKITE_BRANCH", "")
    return {
        "repository": repository,
        "repository_owner": _split_repo(repository)[0],
        "repository_name": _split_repo(repository)[1],
        "commit": env.get("BUILDKITE_COMMIT", ""),
        "ref": f"refs/heads/{branch}" if branch else "",
        "branch": branch,
        "pr_number": pr,
        "pr_url": "",
        "build_url": env.get("BUILDKITE_BUILD_URL", ""),
        "build_number": env.get("BUILDKITE_BUILD_NUMBER", ""),
        "job": env.get("BUILDKITE_LABEL", ""),
        "pipeline": env.get("BUILDKITE_PIPELINE_SLUG", ""),
    }


PROVIDERS: dict[str, tuple[Callable[[Env], bool], Callable[[Env], Facts]]] = {
    "github-actions": (lambda env: env.get("GITHUB_ACTIONS") == "true", _github),
    "gitlab-ci": (lambda env: env.get("GITLAB_CI") == "true", _gitlab),
    "jenkins": (lambda env: bool(env.get("JENKINS_URL")), _jenkins),
    "circleci": (lambda env: env.get("CIRCLECI") == "true", _circleci),
    "azure-pipelines": (lambda env: env.get("TF_BUILD", "").lower() == "true", _azure),
    "buildkite": (lambda env: env.get("BUILDKITE") == "true", _buildkite),
}
"""Each CI system: how it is recognised and how its facts are read."""


def ci_facts(env: Env) -> Facts:
    """The CI system's facts (empty outside CI), `provider` among them; empty values are left out."""
    for provider, (present, read) in PROVIDERS.items():
        if present(env):
            facts = {k: v for k, v in read(env).items() if v}
            facts["provider"] = provider
            return facts
    return {}


def context_value(api: Api, declared: CiContext, body_schema: Any, facts: Facts) -> Any | None:
    """The context object for the trigger's body: the first variant for this CI system, else the fallback.

    A fact becomes an integer where every schema the field may have takes only integers (a pull
    request number); `None` when no variant applies.
    """
    provider = facts.get("provider")
    variant = next((v for v in declared.variants if provider in v.providers), None)
    if variant is None:
        variant = next((v for v in declared.variants if not v.providers), None)
    if variant is None:
        return None
    value: dict[str, Any] = {k: copy.deepcopy(c) for k, c in variant.constants}
    for field, fact in variant.fields:
        if fact in facts:
            value[field] = _typed(api, body_schema, declared.pointer, field, facts[fact])
    return value


def _typed(api: Api, body_schema: Any, pointer: str, field: str, text: str) -> Any:
    schemas = _schemas_at(api, body_schema, [*pointer.strip("/").split("/"), field])
    kinds = {t for s in schemas for t in _types(s)} - {"null"}
    if kinds and kinds <= {"integer"} and re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def _types(schema: Any) -> list[str]:
    found = schema.get("type") if isinstance(schema, dict) else None
    return [found] if isinstance(found, str) else list(found or ())


def _schemas_at(api: Api, schema: Any, tokens: list[str], depth: int = 0) -> list[Any]:
    """Every schema the instance at `tokens` may have, through properties and combinators."""
    schema = deref(api.schemas, schema)
    if not isinstance(schema, dict) or depth > 32:
        return []
    if not tokens:
        return [schema]
    found: list[Any] = []
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key) or ():
            found += _schemas_at(api, branch, tokens, depth + 1)
    props = schema.get("properties")
    if isinstance(props, dict) and tokens[0] in props:
        found += _schemas_at(api, props[tokens[0]], tokens[1:], depth + 1)
    return found
