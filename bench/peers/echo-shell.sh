#!/bin/sh
# The peers' trivial shell (OpenSSH ForceCommand, dropbear -c): a prompt, each line echoed back,
# `bulk <n>` prints about n bytes (lines of 79 x + newline, 81 bytes on the wire with the pty's CR),
# `exit` ends the session.
printf 'admin@PA-VM> '
while IFS= read -r line; do
  case "$line" in
    exit|quit) exit 0 ;;
    bulk\ *) n=${line#bulk }; yes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | head -n $((n / 81)) ;;
    *) printf '%s\n' "$line" ;;
  esac
  printf 'admin@PA-VM> '
done
