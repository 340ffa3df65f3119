using System.Globalization;
using VirtualFirewall.Tests.Interop;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>paramiko 2.12, asyncssh 2.10 and netmiko 2.4.2 from Debian against the emulator over SSH.</summary>
[TestFixture]
public sealed class PythonClientTests
{
    private SshTestServer _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = SshTestServer.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [TestCase(0, 0)]
    [TestCase(80, 24)]
    [TestCase(511, 1000)]
    public void ParamikoPasswordShellWithAPtyOfAnySize(int columns, int rows)
    {
        const string Script = """
            import sys, time, paramiko
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            client.connect("127.0.0.1", port=int(sys.argv[1]), username="admin", password="admin",
                           look_for_keys=False, allow_agent=False)
            print("CIPHER=" + client.get_transport().remote_cipher)
            shell = client.invoke_shell(width=int(sys.argv[2]), height=int(sys.argv[3]))
            shell.send("show clock\rexit\r")
            data = b""
            while not shell.exit_status_ready() or shell.recv_ready():
                if shell.recv_ready():
                    data += shell.recv(65536)
                else:
                    time.sleep(0.05)
            print("EXIT=%d" % shell.recv_exit_status())
            print(repr(data.decode()))
            """;
        var result = RunPython("paramiko", Script, columns.ToString(CultureInfo.InvariantCulture), rows.ToString(CultureInfo.InvariantCulture));

        Assert.That(result, Does.Contain("CIPHER=aes"), "paramiko 2.12 has neither GCM nor ChaCha20: CTR is what it negotiates");
        Assert.That(result, Does.Contain("EXIT=0"));
        Assert.That(result, Does.Contain(@"admin@PA-VM> show clock\r\n\r\nFri Nov 27 18:56:14 UTC 2026\r\n\r\nadmin@PA-VM> exit\r\n"));
    }

    [Test]
    public void ParamikoKeyboardInteractiveAndExec()
    {
        const string Script = """
            import sys, socket, paramiko
            sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            transport = paramiko.Transport(sock)
            transport.start_client()
            prompts = []
            def handler(title, instructions, fields):
                prompts.extend(p for p, echo in fields)
                return ["admin" for _ in fields]
            transport.auth_interactive("admin", handler)
            print("PROMPTS=" + repr(prompts))
            channel = transport.open_session()
            channel.exec_command("show system info")
            out = b""
            while True:
                chunk = channel.recv(65536)
                if not chunk:
                    break
                out += chunk
            print("EXIT=%d" % channel.recv_exit_status())
            print(out.decode())
            transport.close()
            """;
        var result = RunPython("paramiko", Script);

        Assert.That(result, Does.Contain("PROMPTS=['Password: ']"));
        Assert.That(result, Does.Contain("EXIT=0"));
        Assert.That(result, Does.Contain("\nmodel: PA-VM\n"));
    }

    [Test]
    public void SeveralChannelsOnOneConnection()
    {
        const string Script = """
            import sys, time, paramiko
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            client.connect("127.0.0.1", port=int(sys.argv[1]), username="admin", password="admin",
                           look_for_keys=False, allow_agent=False)
            transport = client.get_transport()
            shell = client.invoke_shell()
            execs = []
            for i in range(3):
                channel = transport.open_session()
                channel.exec_command("show clock" if i % 2 == 0 else "show admins")
                execs.append(channel)
            outputs = []
            for channel in execs:
                data = b""
                while True:
                    chunk = channel.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                outputs.append((channel.recv_exit_status(), data.decode()))
            shell.send("show admins\rexit\r")
            data = b""
            while not shell.exit_status_ready() or shell.recv_ready():
                if shell.recv_ready():
                    data += shell.recv(65536)
                else:
                    time.sleep(0.05)
            for status, text in outputs:
                print("EXEC %d %r" % (status, text))
            print("SHELL %r" % data.decode())
            """;
        var result = RunPython("paramiko", Script);

        Assert.That(result, Does.Contain("EXEC 0 '\\nFri Nov 27 18:56:14 UTC 2026\\n\\n'"));
        Assert.That(result.Split("EXEC 0").Length - 1, Is.EqualTo(3));
        Assert.That(result, Does.Contain("Admin           From"));
        Assert.That(result, Does.Contain("admin@PA-VM> exit"));
    }

    [Test]
    public void ParamikoWrongPasswordIsRefusedCleanly()
    {
        const string Script = """
            import sys, paramiko
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            try:
                client.connect("127.0.0.1", port=int(sys.argv[1]), username="admin", password="nope",
                               look_for_keys=False, allow_agent=False)
                print("LOGGED IN")
            except paramiko.AuthenticationException as e:
                print("REFUSED")
            """;

        Assert.That(RunPython("paramiko", Script), Does.Contain("REFUSED"));
    }

    [Test]
    public void AsyncsshExecAndShell()
    {
        const string Script = """
            import sys, asyncio, asyncssh
            async def main():
                async with asyncssh.connect("127.0.0.1", port=int(sys.argv[1]), username="admin", password="admin",
                                            known_hosts=None, client_keys=None) as conn:
                    result = await conn.run("show clock")
                    print("EXIT=%s" % result.exit_status)
                    print(repr(result.stdout))
                    process = await conn.create_process(term_type="vt100", term_size=(132, 43))
                    process.stdin.write("show clock\rexit\r")
                    output = await process.stdout.read()
                    print(repr(output))
            asyncio.run(main())
            """;
        var result = RunPython("asyncssh", Script);

        Assert.That(result, Does.Contain("EXIT=0"));
        Assert.That(result, Does.Contain(@"'\nFri Nov 27 18:56:14 UTC 2026\n\n'"));
        Assert.That(result, Does.Contain(@"admin@PA-VM> exit\r\n'"));
    }

    [Test]
    public void Netmiko242PaloAltoOverSsh()
    {
        const string Script = """
            import sys
            from netmiko import ConnectHandler
            conn = ConnectHandler(device_type="paloalto_panos", host="127.0.0.1", port=int(sys.argv[1]),
                                  username="admin", password="admin", timeout=20)
            print("PROMPT=" + conn.find_prompt())
            print(conn.send_command("show system info"))
            conn.disconnect()
            """;
        var result = RunPython("netmiko", Script);

        Assert.That(result, Does.Contain("PROMPT=admin@PA-VM>"));
        Assert.That(result, Does.Contain("hostname: PA-VM\n"));
        Assert.That(result, Does.Contain("operational-mode: normal"));
    }

    private string RunPython(string module, string script, params string[] arguments)
    {
        DebianPython.Require(module);
        var (exit, output, error) = DebianPython.Run(script, [_server.Port.ToString(CultureInfo.InvariantCulture), .. arguments], TimeSpan.FromMinutes(2));
        Assert.That(exit, Is.EqualTo(0), error + output);
        return output;
    }
}
