# Shared by scripts/run, scripts/test and scripts/bench: install what the build and the tests need when missing.
# Only Debian packages are installed, by name; nothing downloads a browser or toolchain of its own.

apt_updated=""

# The server's JVM options, for scripts/run and the bench alike: G1, its young generation held to
# 256 MB, so that no collection copies more than that much young heap's survivors (decision 153).
server_jvm_options=(-XX:+UseG1GC -XX:MaxNewSize=256m)

apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "yoriai: missing $*; install it (Debian: sudo apt-get install $*)" >&2
    exit 1
  fi
  if [ -z "$apt_updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  echo "yoriai: installing $* from Debian packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_build_tools() {
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null 2>&1 || apt_install maven
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
}

ensure_browser() {
  [ -x /usr/bin/chromium ] || apt_install chromium
  [ -x /usr/bin/chromedriver ] || apt_install chromium-driver
  # Without CJK fonts Chromium draws Japanese as boxes in screenshots.
  [ -d /usr/share/fonts/opentype/noto ] || apt_install fonts-noto-cjk fonts-noto-color-emoji
}

# Builds the server jar (with the web client inside) when it is missing or older than a source.
build_if_needed() {
  local jar=server/target/yoriai-server.jar
  if [ -f "$jar" ] && [ -z "$(find pom.xml server/pom.xml server/src web-client/pom.xml web-client/package.json \
      web-client/package-lock.json web-client/index.html web-client/src -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  ensure_build_tools
  echo "yoriai: building (first run or sources changed)…" >&2
  mvn -B -q -ntp -DskipTests install
}
