#!/usr/bin/env bash
# Rebuilds the sample archive in Archive/ from the pages in Sample/: three runs (March 6, March 30 and, when
# two questions resolve, October 20), fetched
# through file:// URLs with the run clock pinned, exactly as `claimtrack fetch` archives any source.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product claimtrack
bin="$(swift build --show-bin-path)/claimtrack"
stage=/tmp/claimtrack-sample            # a neutral path: it appears in the archive's file:// target URIs
rm -rf "$stage" && mkdir -p "$stage" && cp -R Sample/run-1 Sample/run-2 Sample/run-3 "$stage/"
workspace=$(mktemp -d)
cp Sample/Questions.list "$workspace/Questions.list"
cat > "$workspace/Sources.list" <<LIST
macrumors file://$stage/run-1/macrumors/index.html max=20
9to5mac file://$stage/run-1/9to5mac/feed.xml
hackernews file://$stage/run-1/hackernews/item-47310001.html
LIST
CLAIMTRACK_NOW=2026-03-06T14:00:00Z "$bin" fetch --workspace "$workspace"
cat > "$workspace/Sources.list" <<LIST
macrumors file://$stage/run-2/macrumors/index.html max=20
9to5mac file://$stage/run-2/9to5mac/feed.xml
tomshardware file://$stage/run-2/tomshardware/feed.xml
geekbench file://$stage/run-2/geekbench/v6-cpu-19120455.html
hackernews file://$stage/run-2/hackernews/item-47310001.html
LIST
CLAIMTRACK_NOW=2026-03-30T14:00:00Z "$bin" fetch --workspace "$workspace"
cat > "$workspace/Sources.list" <<LIST
macrumors file://$stage/run-3/macrumors/index.html max=20
9to5mac file://$stage/run-3/9to5mac/feed.xml
tomshardware file://$stage/run-3/tomshardware/feed.xml
geekbench file://$stage/run-3/geekbench/v6-cpu-19120455.html
geekbench file://$stage/run-3/geekbench/v6-cpu-21480077.html
hackernews file://$stage/run-3/hackernews/item-47310001.html
LIST
CLAIMTRACK_NOW=2026-10-20T14:00:00Z "$bin" fetch --workspace "$workspace"
rm -f Archive/*.warc.gz && mkdir -p Archive && cp "$workspace"/Archive/*.warc.gz Archive/
rm -rf "$workspace"
ls -l Archive
