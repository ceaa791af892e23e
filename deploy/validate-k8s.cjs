// Validates rendered Kubernetes manifests against the API schemas in the npm package
// kubernetes-models: required fields and types (unknown fields are not caught).
// Usage: NODE_PATH=<dir>/node_modules node validate-k8s.cjs rendered.yaml...
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');

const kinds = {
  'apps/v1/StatefulSet': () => require('kubernetes-models/apps/v1/StatefulSet').StatefulSet,
  'v1/Service': () => require('kubernetes-models/v1/Service').Service,
  'v1/ServiceAccount': () => require('kubernetes-models/v1/ServiceAccount').ServiceAccount,
  'v1/Secret': () => require('kubernetes-models/v1/Secret').Secret,
  'policy/v1/PodDisruptionBudget': () => require('kubernetes-models/policy/v1/PodDisruptionBudget').PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': () => require('kubernetes-models/networking.k8s.io/v1/NetworkPolicy').NetworkPolicy,
};

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
    if (!doc) continue;
    const key = `${doc.apiVersion}/${doc.kind}`;
    const model = kinds[key];
    if (!model) {
      console.error(`${file}: ${key} has no schema here`);
      failures++;
      continue;
    }
    try {
      new (model())(doc).validate();
      checked++;
    } catch (e) {
      console.error(`${file}: ${key} ${doc.metadata && doc.metadata.name}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`kubernetes-models: ${checked} objects valid, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
