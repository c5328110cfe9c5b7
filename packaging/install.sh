#!/usr/bin/env bash
# Install the built app for one user (default) or under any prefix, with its desktop entry,
# AppStream metadata and icons; or remove it again.
#
#     bash packaging/build.sh                    # first: builds dist/queue-desk
#     bash packaging/install.sh                  # into ~/.local
#     bash packaging/install.sh --prefix /opt/qd # elsewhere (needs write access there)
#     bash packaging/install.sh --uninstall      # remove what install put there
#
# Layout under PREFIX (default ~/.local):
#     opt/queue-desk/                                 the app folder (a copy of dist/queue-desk)
#     bin/queue-desk -> ../opt/queue-desk/queue-desk  the launcher
#     share/applications/queue-desk.desktop
#     share/metainfo/net.t_systems.queuedesk.metainfo.xml
#     share/icons/hicolor/<n>x<n>/apps/queue-desk.png, scalable/apps/queue-desk.svg
#
# Uninstalling never touches your jobs and results (~/.local/share/queue-desk or
# $QUEUE_DESK_HOME) nor the API key in the system keyring.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
NAME=queue-desk
APP_ID=net.t_systems.queuedesk

prefix=${PREFIX:-$HOME/.local}
from=$here/../dist/$NAME
action=install
force=0

usage() {
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
  echo "Options: --prefix DIR   --from BUILT_APP_DIR   --force (replace a foreign bin/$NAME)   --uninstall"
}

while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --from) from=$2; shift 2 ;;
    --from=*) from=${1#*=}; shift ;;
    --force) force=1; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
app_dir=$prefix/opt/$NAME
launcher=$prefix/bin/$NAME
desktop=$prefix/share/applications/$NAME.desktop
metainfo=$prefix/share/metainfo/$APP_ID.metainfo.xml
icons=$prefix/share/icons/hicolor

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true
  fi
}

# Only ever delete an app folder that is ours: it must hold the queue-desk executable.
remove_app_dir() {
  if [ -d "$app_dir" ]; then
    if [ ! -x "$app_dir/$NAME" ]; then
      echo "install.sh: $app_dir exists but is not a Queue Desk folder; leaving it alone" >&2
      exit 1
    fi
    rm -rf "$app_dir"
  fi
}

ours() {  # is $launcher our symlink?
  [ -L "$launcher" ] && [ "$(readlink "$launcher")" = "../opt/$NAME/$NAME" ]
}

if [ "$action" = uninstall ]; then
  remove_app_dir
  if ours; then rm -f "$launcher"; elif [ -e "$launcher" ]; then
    echo "install.sh: $launcher is not ours (a pip install?); left in place"
  fi
  rm -f "$desktop" "$metainfo"
  for png in "$icons"/*/apps/$NAME.png "$icons"/scalable/apps/$NAME.svg; do
    [ -e "$png" ] && rm -f "$png"
  done
  refresh_caches
  echo "Queue Desk removed from $prefix (your jobs and results were not touched)."
  exit 0
fi

if [ ! -x "$from/$NAME" ]; then
  echo "install.sh: no built app at $from; run: bash packaging/build.sh" >&2
  exit 1
fi
from=$(cd "$from" && pwd)
if [ -e "$launcher" ] && ! ours && [ "$force" != 1 ]; then
  echo "install.sh: $launcher already exists and is not a Queue Desk link (a pip install?)." >&2
  echo "            Remove it, or pass --force to replace it." >&2
  exit 1
fi

mkdir -p "$prefix/opt" "$prefix/bin" "$(dirname "$desktop")" "$(dirname "$metainfo")"
staging=$(mktemp -d "$prefix/opt/.$NAME.XXXXXX")
trap 'rm -rf "$staging"' EXIT
cp -a "$from/." "$staging/"
remove_app_dir
mv "$staging" "$app_dir"
trap - EXIT
chmod 755 "$app_dir"

ln -sfn "../opt/$NAME/$NAME" "$launcher"

# The session's PATH may not include PREFIX/bin, so the menu entry uses the full path.
sed -e "s|^Exec=$NAME|Exec=$launcher|" -e "s|^TryExec=$NAME|TryExec=$launcher|" \
  "$here/$NAME.desktop" > "$desktop"
chmod 644 "$desktop"
install -m 644 "$here/$NAME.metainfo.xml" "$metainfo"
for dir in "$here"/icons/hicolor/*/apps; do
  size=$(basename "$(dirname "$dir")")
  mkdir -p "$icons/$size/apps"
  install -m 644 "$dir"/* "$icons/$size/apps/"
done
refresh_caches

echo "Queue Desk installed in $app_dir"
echo "  launcher: $launcher$(case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo " (not on your PATH)";; esac)"
echo "  menu entry: $desktop"
echo "  remove with: bash $here/install.sh --prefix $prefix --uninstall"
