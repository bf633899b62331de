#!/usr/bin/env bash
# Packages a release build of aiprod as OUT/aiprod_VERSION_ARCH.deb (`make deb`), then runs
# lintian on it when lintian is installed (LINTIAN=0 skips it).
#
#   packaging/build-deb.sh BINARY [OUT]
#
# BINARY is `swift build -c release --static-swift-stdlib`'s aiprod: the Swift runtime and
# Foundation are inside it, so Depends: lists only Debian's libraries (dpkg-shlibdeps), plus the
# data aiprod reads at run time (espeak-ng's voices, the soundfont, the fonts).
set -euo pipefail

binary=$(realpath "$1")
out=$(realpath -m "${2:-out}")
root=$(cd "$(dirname "$0")/.." && pwd)
version=$("$binary" --version)
arch=$(dpkg --print-architecture)
name="aiprod_${version}_${arch}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/$name"

# The tree, as root will own it (dpkg-deb --root-owner-group); nothing group- or world-writable.
umask 022
install -d "$stage/DEBIAN" "$stage/usr/bin" "$stage/etc/aiprod" "$stage/lib/systemd/system" \
    "$stage/usr/share/man/man1" "$stage/usr/share/bash-completion/completions" \
    "$stage/usr/share/zsh/vendor-completions" "$stage/usr/share/doc/aiprod/examples"

install -m 0755 "$binary" "$stage/usr/bin/aiprod"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/aiprod"
install -m 0644 "$root/etc/aiprod.ini" "$stage/etc/aiprod/aiprod.ini"
install -m 0644 "$root/systemd/aiprod.service" "$stage/lib/systemd/system/aiprod.service"

# Completions and the man page come from the argument parser's own declarations.
# (bash-completion sources the file: no #! line.)
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' > "$stage/usr/share/bash-completion/completions/aiprod"
"$binary" --generate-completion-script zsh > "$stage/usr/share/zsh/vendor-completions/_aiprod"
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)
"$binary" --experimental-dump-help | python3 "$root/packaging/manpage.py" "$version" "$date" \
    | gzip -9n > "$stage/usr/share/man/man1/aiprod.1.gz"
chmod 0644 "$stage"/usr/share/bash-completion/completions/aiprod "$stage"/usr/share/zsh/vendor-completions/_aiprod \
    "$stage"/usr/share/man/man1/aiprod.1.gz

# Docs: the README, the reference docs, and the operations examples (Prometheus scrape, alert
# rules, Grafana dashboard).
doc="$stage/usr/share/doc/aiprod"
install -m 0644 "$root/README.md" "$doc/README.md"
for page in API CONFIG DAEMON TIMELINE PRESETS; do
    install -m 0644 "$root/docs/$page.md" "$doc/$page.md"
done
install -m 0644 "$root"/docs/ops/* "$doc/examples/"
install -m 0644 "$root/packaging/debian/copyright" "$doc/copyright"
gzip -9n -c "$root/packaging/debian/changelog" > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

# Maintainer scripts and conffiles.
for script in postinst prerm postrm; do
    install -m 0755 "$root/packaging/debian/$script" "$stage/DEBIAN/$script"
done
install -m 0644 "$root/packaging/debian/conffiles" "$stage/DEBIAN/conffiles"

# Depends: what dpkg-shlibdeps finds the binary needs (it wants a debian/control beside it).
mkdir -p "$work/shlibs/debian"
printf 'Source: aiprod\n\nPackage: aiprod\nArchitecture: any\n' > "$work/shlibs/debian/control"
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e "$stage/usr/bin/aiprod" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "dpkg-shlibdeps found no libraries for $binary" >&2; exit 1; }

(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$size/" -e "s/@SHLIBS@/$shlibs/" \
    "$root/packaging/debian/control.in" > "$stage/DEBIAN/control"

mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/$name.deb" >/dev/null
echo "$out/$name.deb"

if [ "${LINTIAN:-1}" != 0 ] && command -v lintian >/dev/null; then
    # Errors fail the build; warnings are listed (packaging/README.md explains each).
    lintian --fail-on error --display-info "$out/$name.deb" >&2
fi
