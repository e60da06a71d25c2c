#!/usr/bin/env bash
# Seeds the Access X-Ray demo org (Kestrel Instruments, docs/demo-org.md) into an org that
# `sf` already knows (a scratch org from create-demo-org.sh, or any throwaway org).
#
#   scripts/scratch-org/seed.sh <alias-or-username>
#
# Steps: deploy the package (force-app) and assign Access_XRay_Admin; deploy the demo metadata
# (unpackaged/main/demo/core); import the records (data/tree/demo-plan.json); create users and
# owners (anonymous Apex 01–03); create and publish the "Kestrel Support" site; deploy the
# metadata that needs portal roles and the site (unpackaged/main/demo/site); seed memberships,
# teams, territories and shares (Apex 04–05); print the steps Setup must do by hand; open the
# headline record. Stops at the first failing step (set -e) and says which one.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
fi
ORG="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SF="${SF:-npx --no-install sf}"
SUFFIX="${DEMO_USER_SUFFIX:-axr$(date +%s)}"
STEP="start"
trap 'echo "seed.sh: failed during step: $STEP" >&2' ERR

cd "$ROOT"
step() {
    STEP="$1"
    echo
    echo "==> $1"
}

run_apex() {
    local file="$1" tmp
    tmp="$(mktemp --suffix=.apex)"
    sed "s/__SUFFIX__/$SUFFIX/g" "$file" >"$tmp"
    $SF apex run --file "$tmp" --target-org "$ORG"
    rm -f "$tmp"
}

step "Build and deploy the Access X-Ray package source (force-app)"
npm run --silent build
$SF project deploy start --source-dir force-app --target-org "$ORG" --wait 30
if $SF org assign permset --name Access_XRay_Admin --target-org "$ORG"; then
    echo "Assigned Access_XRay_Admin to the org's admin user."
else
    echo "Permission set Access_XRay_Admin not assigned (already assigned, or not in this package version)."
fi

step "Deploy the demo metadata: objects, roles, groups, queues, permission sets, sharing rules, restriction rule, territories"
$SF project deploy start --source-dir unpackaged/main/demo/core --target-org "$ORG" --wait 30

step "Import the demo records (sf data import tree)"
$SF data import tree --plan data/tree/demo-plan.json --target-org "$ORG"

step "Internal users (usernames end with .$SUFFIX)"
run_apex scripts/scratch-org/apex/01-internal-users.apex

step "Record owners, partner and customer accounts"
run_apex scripts/scratch-org/apex/02-owners.apex

step "Partner, Customer Community Plus and Customer Community users"
run_apex scripts/scratch-org/apex/03-external-users.apex

step "Create and publish the Kestrel Support site (creates the guest user)"
$SF community create --name "Kestrel Support" --template-name "Customer Service" --url-path-prefix support \
    --description "Access X-Ray demo site" --target-org "$ORG" || echo "Site not created (it may already exist)."
echo "Waiting 60 s for the site to be created (asynchronous)..."
sleep 60
$SF community publish --name "Kestrel Support" --target-org "$ORG" || echo "Publish the site by hand in Setup > Digital Experiences > All Sites."

step "Deploy metadata that needs portal roles and the site: case sharing rules, guest rule, sharing set"
$SF project deploy start --source-dir unpackaged/main/demo/site --target-org "$ORG" --wait 30

step "Group, queue, permission set, territory and case team memberships"
run_apex scripts/scratch-org/apex/04-memberships.apex

step "Territory assignments, teams, manual and Apex-managed shares"
run_apex scripts/scratch-org/apex/05-record-access.apex

STEP="finish"
cat <<MANUAL

==> Done. Finish these in Setup (the APIs cannot set them; docs/demo-org.md explains each):
  1. Territory Models > FY27 Sales Territories > Activate (FY26 stays archived/planning).
  2. Sharing Settings > Edit > Compensation Plan: untick "Grant Access Using Hierarchies".
  3. Sharing Settings > Other Settings: tick "Grant site users access to related cases".
  4. Queues > EMEA Support Queue: tick "Grant Access Using Hierarchies" (queue field, API 67.0+).
  5. Digital Experiences > Settings: partner roles = 3, customer roles = 2 (before seeding users;
     otherwise re-run the role placement of apex/03 after raising them).
Demo usernames end with ".$SUFFIX" (password: reset from Setup > Users when you log in as them).
MANUAL

CASE_ID="$($SF data query --query "SELECT Id FROM Case WHERE Subject = 'Spectrometer calibration fails after firmware 4.2' LIMIT 1" --target-org "$ORG" --result-format csv | tail -n 1)"
if [[ "$CASE_ID" =~ ^500[A-Za-z0-9]{12,15}$ ]]; then
    echo "Opening case 00001001 (Why can't Pat Partner see it?) in the org..."
    $SF org open --target-org "$ORG" --path "/lightning/r/Case/$CASE_ID/view"
else
    echo "Open the org with: $SF org open --target-org $ORG"
fi
