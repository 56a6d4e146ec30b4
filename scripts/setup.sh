#!/usr/bin/env bash
# One command for a fresh machine: the system packages the app's tests need (on Debian/Ubuntu/UOS/Kylin via
# apt-get when run as root or with sudo), then the npm packages exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(chromium libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming poppler-utils libxml2-utils xsltproc unzip)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统软件包：${missing[*]}"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "无法自动安装，请手动安装：${missing[*]}" >&2
    exit 1
  fi
elif ! command -v dpkg-query >/dev/null 2>&1; then
  echo "提示：非 Debian 系统，请自行安装 Chromium、LibreOffice Writer、poppler-utils、libxml2-utils、xsltproc 与中文字体（测试需要）。"
fi

npm ci --no-audit --no-fund
