# shellcheck shell=bash
# Free TCP ports for test clusters, services and proxies. Sourced by the backup scripts (a scratch cluster
# for a restore drill), the deploy tests and the ops tests; needs ss.
#
# A port is taken at random below the kernel's ephemeral range: a port inside that range can be the local
# end of an outgoing connection at any moment (a client of PostgreSQL, of a test service), and binding it
# then fails although nothing listens on it. A port counts as free when no TCP socket of this host,
# listening or connected, uses it.

port_in_use() {
  ss -Htan "sport = :$1" | grep -q .
}

random_port() {
  local ephemeral_low
  ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  # An ephemeral range that starts low leaves no safe room: take the kernel's default bound instead.
  ((ephemeral_low > 12000)) || ephemeral_low=32768
  echo $((10000 + RANDOM % (ephemeral_low - 10000)))
}

# free_ports N: the first of N consecutive free ports.
free_ports() {
  local count=$1 port offset _
  for _ in $(seq 1 50); do
    port=$(($(random_port) - count + 1))
    for ((offset = 0; offset < count; offset++)); do
      port_in_use $((port + offset)) && continue 2
    done
    echo "$port"
    return 0
  done
  echo "no $count free consecutive port(s) found" >&2
  return 1
}

free_port() { free_ports 1; }
free_port_pair() { free_ports 2; }
