namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// One netmiko 2.4.2 script shared by the SSH and Telnet tests: it logs in as often as asked and on
/// every connection runs three show commands and a configuration-mode round trip, checking every
/// answer in Python. It prints one line per failed check and a summary line the C# test asserts on:
/// <c>CONNECTIONS=n CYCLES=n FAILURES=n</c>.
/// Arguments: device type, port, number of connections, cycles per connection, <c>fast</c> or <c>default</c>
/// (netmiko's <c>fast_cli</c>: its "wait for 2 s of quiet" becomes 0.2 s, which is harder on the device,
/// not easier: a reply that trickles is cut short sooner), and <c>commit</c> or <c>nocommit</c>.
/// </summary>
internal static class NetmikoCycle
{
    public const string Script = """
        import sys, time
        from netmiko import ConnectHandler
        device_type, port = sys.argv[1], int(sys.argv[2])
        connections, cycles = int(sys.argv[3]), int(sys.argv[4])
        fast, commit = sys.argv[5] == "fast", sys.argv[6] == "commit"
        CLOCK = "Fri Nov 27 18:56:14 UTC 2026"
        failures = []
        done = 0

        def check(where, what, ok, detail):
            if not ok:
                failures.append("FAILED %s %s: %r" % (where, what, detail))

        def cycle(conn, where):
            prompt = conn.find_prompt()
            check(where, "find_prompt", prompt == "admin@PA-VM>", prompt)
            info = conn.send_command("show system info")
            check(where, "show system info", info.lstrip("\n").startswith("hostname: PA-VM\n")
                  and "\nmodel: PA-VM\n" in info and "\noperational-mode: normal" in info
                  and "admin@PA-VM" not in info, info)
            clock = conn.send_command("show clock")
            check(where, "show clock", clock.strip() == CLOCK, clock)
            sessions = conn.send_command("show session info")
            check(where, "show session info", sessions.lstrip("\n").startswith("target-dp:")
                  and "Number of sessions supported:" in sessions and "admin@PA-VM" not in sessions, sessions)
            out = conn.config_mode()
            check(where, "config_mode", "Entering configuration mode" in out and out.rstrip().endswith("admin@PA-VM#"), out)
            check(where, "check_config_mode in", conn.check_config_mode() is True, None)
            if commit:
                out = conn.commit(force=True)
                check(where, "commit", "Configuration committed successfully" in out and "100%" in out, out)
            out = conn.exit_config_mode()
            check(where, "exit_config_mode", "Exiting configuration mode" in out and out.rstrip().endswith("admin@PA-VM>"), out)
            check(where, "check_config_mode out", conn.check_config_mode() is False, None)

        started = time.time()
        for c in range(connections):
            try:
                conn = ConnectHandler(device_type=device_type, host="127.0.0.1", port=port, username="admin",
                                      password="admin", timeout=20, fast_cli=fast)
                for i in range(cycles):
                    cycle(conn, "connection %d cycle %d" % (c, i))
                    done += 1
                conn.disconnect()
            except Exception as e:
                failures.append("FAILED connection %d: %s: %s" % (c, type(e).__name__, e))
        for line in failures:
            print(line)
        print("ELAPSED=%.1f" % (time.time() - started))
        print("CONNECTIONS=%d CYCLES=%d FAILURES=%d" % (connections, done, len(failures)))
        """;
}
