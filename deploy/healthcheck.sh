#!/bin/bash
# Container health check: GET /healthz on the bot's own health port with bash alone
# (the JRE base images have no curl). Exit 0 when the answer is 200.
set -eu
port="${ICEWARN_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /healthz HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 _ status _ <&3
[ "${status}" = "200" ]
