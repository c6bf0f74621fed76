#!/usr/bin/env bash
# Sourced by every project script: selects a JDK >= 21 and the Maven Wrapper's distribution.
# Sets JAVA_HOME and PATH, and MVNW_REPOURL so ./mvnw takes Maven from the local repository.

runwright_find_jdk() {
  local candidate version best="" best_version=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
    [ -n "$version" ] || continue
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
    echo "       Install one (for example Temurin 25) or point JAVA_HOME at it." >&2
    return 1
  fi
  printf '%s\n' "$best"
}

JAVA_HOME=$(runwright_find_jdk) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# The Maven Wrapper's distribution is resolved by Maven itself (from the configured repositories) and unpacked
# where ./mvnw looks for it, so no download address is hard-wired in the project.
runwright_install_wrapper_maven() {
  local root props url version name str h char home zip
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  props="$root/.mvn/wrapper/maven-wrapper.properties"
  url=$(sed -n 's/^distributionUrl=//p' "$props")
  version=$(printf '%s\n' "$url" | sed -n 's#.*/apache-maven/\([0-9.]*\)/.*#\1#p')
  name="apache-maven-$version"
  # Same directory name as mvnw's hash_string of the distribution URL.
  str="$url" h=0
  while [ -n "$str" ]; do
    char="${str%"${str#?}"}"
    h=$(((h * 31 + $(LC_CTYPE=C printf %d "'$char")) % 4294967296))
    str="${str#?}"
  done
  home="${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists/$name/$(printf %x "$h")"
  [ -x "$home/bin/mvn" ] && return 0
  zip="${MAVEN_USER_HOME:-$HOME/.m2}/repository/org/apache/maven/apache-maven/$version/$name-bin.zip"
  if [ ! -f "$zip" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "==> installing Debian's Maven to bootstrap the Maven Wrapper" >&2
        apt-get install -y -qq maven >&2 || { apt-get update -qq >&2 && apt-get install -y -qq maven >&2; }
      else
        echo "error: Maven is needed once to bootstrap the Maven Wrapper's Maven $version" >&2
        return 1
      fi
    fi
    echo "==> resolving Maven $version for the Maven Wrapper" >&2
    mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
      -Dartifact="org.apache.maven:apache-maven:$version:zip:bin" -Dtransitive=false >&2 || return 1
  fi
  mkdir -p "$home.tmp" && (cd "$home.tmp" && "$JAVA_HOME/bin/jar" xf "$zip") &&
    mv "$home.tmp/$name" "$home" && rm -rf "$home.tmp" && chmod +x "$home"/bin/* || return 1
}
runwright_install_wrapper_maven || exit 1
