#!/usr/bin/env bash
# Lints deploy/: yamllint, shellcheck, kustomize rendering, systemd-analyze, dockerfilelint and a
# Kubernetes schema check (npm). Each tool runs only when it is installed (or, for the npm ones,
# installable); a missing tool is reported as SKIPPED and does not fail the run. A finding does.
set -euo pipefail
cd "$(dirname "$0")"

ran=()
skipped=()
failed=()

step() { # name, command...
    local name="$1"
    shift
    echo "== deploy check: ${name}"
    if "$@"; then
        ran+=("${name}")
    else
        failed+=("${name}")
    fi
}

skip() { # name, reason
    echo "== deploy check: $1 SKIPPED ($2)"
    skipped+=("$1")
}

if command -v yamllint > /dev/null; then
    step yamllint yamllint --strict -c .yamllint.yaml .
else
    skip yamllint "yamllint not installed (apt-get install yamllint)"
fi

if command -v shellcheck > /dev/null; then
    step shellcheck shellcheck check.sh healthcheck.sh ../.ci/run
else
    skip shellcheck "shellcheck not installed (apt-get install shellcheck)"
fi

render_dir="$(mktemp -d)"
trap 'rm -rf "${render_dir}"' EXIT
if command -v kubectl > /dev/null; then
    render() {
        kubectl kustomize k8s/base > "${render_dir}/base.yaml" \
            && kubectl kustomize k8s/overlays/four-pods > "${render_dir}/four-pods.yaml"
    }
    step "kubectl kustomize" render
elif command -v kustomize > /dev/null; then
    render() {
        kustomize build k8s/base > "${render_dir}/base.yaml" \
            && kustomize build k8s/overlays/four-pods > "${render_dir}/four-pods.yaml"
    }
    step "kustomize build" render
else
    skip kustomize "neither kubectl nor kustomize installed"
fi

if command -v systemd-analyze > /dev/null && [ -x /usr/bin/java ]; then
    step "systemd-analyze verify" systemd-analyze verify systemd/icewarn.service
else
    skip "systemd-analyze verify" "systemd-analyze or /usr/bin/java missing"
fi

# npm tools go to a cache outside the repository; no network or no npm means skipped.
tools="${ICEWARN_DEPLOY_TOOLS:-${XDG_CACHE_HOME:-${HOME}/.cache}/icewarn-deploy-tools}"
npm_tools_ready() {
    [ -x "${tools}/node_modules/.bin/dockerfilelint" ] && [ -d "${tools}/node_modules/kubernetes-models" ] \
        && return 0
    command -v npm > /dev/null || return 1
    mkdir -p "${tools}"
    timeout 180 npm install --silent --no-audit --no-fund --prefix "${tools}" \
        dockerfilelint@1.8.0 kubernetes-models@4.5.1 js-yaml@4.1.0 > "${tools}/install.log" 2>&1
}
if npm_tools_ready; then
    step dockerfilelint "${tools}/node_modules/.bin/dockerfilelint" Dockerfile
    if [ -s "${render_dir}/base.yaml" ]; then
        step "kubernetes-models schema" env NODE_PATH="${tools}/node_modules" \
            node validate-k8s.cjs "${render_dir}/base.yaml" "${render_dir}/four-pods.yaml"
    else
        skip "kubernetes-models schema" "no rendered manifests"
    fi
else
    skip dockerfilelint "npm or the npm registry not available"
    skip "kubernetes-models schema" "npm or the npm registry not available"
fi

echo "== deploy check summary: ran ${#ran[@]} (${ran[*]:-none}); skipped ${#skipped[@]} (${skipped[*]:-none}); failed ${#failed[@]} (${failed[*]:-none})"
[ "${#failed[@]}" -eq 0 ]
