#!/bin/sh
# Regenerates the test certificates (valid 20 years). Run from this folder; commit the result.
# The CA key is not kept: nothing needs it once the leaf certificates are signed.
set -eu
days=7300
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
  -subj "/CN=acquiring-sdk test CA" -keyout "$tmp/ca-key.pem" -out ca.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=localhost" \
  -keyout server-key.pem -out "$tmp/server.csr"
printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
  "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$tmp/server.ext"
openssl x509 -req -sha256 -days "$days" -in "$tmp/server.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" \
  -CAcreateserial -CAserial "$tmp/ca.srl" -extfile "$tmp/server.ext" -out server.pem

openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=acquiring-sdk test client" \
  -keyout client-key.pem -out "$tmp/client.csr"
printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature" \
  "extendedKeyUsage=clientAuth" >"$tmp/client.ext"
openssl x509 -req -sha256 -days "$days" -in "$tmp/client.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" \
  -CAserial "$tmp/ca.srl" -extfile "$tmp/client.ext" -out client.pem
