#!/usr/bin/env bash
# Usage: pages-branch.sh <clone> <target> [<site>]
#
# Updates the gh-pages storage branch from <clone>, a checkout of this repository whose
# credentials may push: replaces <target> ("." for the main site, which keeps pr-preview/;
# "pr-preview/pr-<n>" for a preview) with the folder <site>, or removes <target> when no site
# is given. Commits and pushes; leaves <clone> on gh-pages, ready to be published.
set -euo pipefail
clone=$1 target=$2 site=${3:-}
site_abs=""
if [ -n "$site" ]; then site_abs=$(cd "$site" && pwd); fi
cd "$clone"
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
# Production and previews both write gh-pages, each in its own concurrency group: a push
# that lost the race is redone on the new tip, a few times.
update() {
  if git fetch --quiet --depth 1 origin gh-pages; then
    git checkout --quiet --force -B gh-pages FETCH_HEAD
  else
    git checkout --quiet --orphan gh-pages
    git rm -r --quiet --force --ignore-unmatch .
  fi
  case "$target" in
    .) find . -mindepth 1 -maxdepth 1 ! -name .git ! -name pr-preview -exec rm -rf {} + ;;
    pr-preview/pr-[0-9]*) rm -rf "$target" ;;
    *) echo "pages-branch.sh: unexpected target $target" >&2; exit 2 ;;
  esac
  if [ -n "$site_abs" ]; then
    mkdir -p "$target"
    cp -a "$site_abs/." "$target/"
  fi
  touch .nojekyll
  git add --all
  if git diff --cached --quiet; then
    echo "gh-pages: $target unchanged"
    return 0
  fi
  git commit --quiet -m "Pages: update $target"
  git push --quiet origin HEAD:gh-pages
}
for attempt in 1 2 3 4 5; do
  if update; then
    echo "gh-pages: $target updated"
    exit 0
  fi
  echo "gh-pages: push $attempt lost a race; retrying on the new tip" >&2
  sleep $((attempt * 3))
done
echo "gh-pages: could not update $target" >&2
exit 1
