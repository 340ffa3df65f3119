using VirtualFirewall.Emulator.Recording.Compare;

namespace VirtualFirewall.Tests.Recording.Compare;

/// <summary>Reading a plain capture (script log, netmiko session_log) into commands and their output.</summary>
[TestFixture]
public sealed class CaptureParserTests
{
    [Test]
    public void Crlf_and_lf_captures_give_the_same_steps()
    {
        const string lf = "admin@PA-VM> show clock\n\nFri Nov 27 18:56:14 UTC 2026\n\nadmin@PA-VM> show admins\nnone\nadmin@PA-VM> ";

        var fromLf = CaptureParser.Parse(lf);
        var fromCrlf = CaptureParser.Parse(lf.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.That(fromLf.Steps.Select(s => (s.Command, s.ExpectedOutput)), Is.EqualTo(new[]
        {
            ("show clock", "\nFri Nov 27 18:56:14 UTC 2026\n\n"),
            ("show admins", "none\n"),
        }));
        Assert.That(fromCrlf, Is.EqualTo(fromLf).Using<Capture>(SameSteps));
        Assert.That(fromCrlf.Steps.Select(s => s.Line), Is.EqualTo(new[] { 1, 5 }));
    }

    [Test]
    public void Repaints_collapse_to_the_final_line()
    {
        const string text = "admin@PA-VM> show \r\u001b[Kadmin@PA-VM> show session \r\u001b[Kadmin@PA-VM> show session id 4632\r\n\r\nsession 4632 not found\r\nadmin@PA-VM> ";

        var step = CaptureParser.Parse(text).Steps.Single();

        Assert.That(step.Command, Is.EqualTo("show session id 4632"));
        Assert.That(step.InputLine, Is.EqualTo("admin@PA-VM> show session id 4632"));
        Assert.That(step.ExpectedOutput, Is.EqualTo("\nsession 4632 not found\n"));
    }

    [Test]
    public void Ha_suffix_and_configuration_mode_prompts_with_edit_lines_in_the_output()
    {
        const string text = "admin@fw01(active)> configure\r\nEntering configuration mode\r\n[edit]\r\n"
            + "admin@fw01(active)# set address a1 ip-netmask 10.0.0.1/32\r\n\r\n[edit]\r\n"
            + "admin@fw01(active)# exit\r\nExiting configuration mode\r\nadmin@fw01(active)> ";

        var capture = CaptureParser.Parse(text);

        Assert.That(capture.FirstPrompt, Is.EqualTo(new CapturePrompt("admin", "fw01", "active", '>')));
        Assert.That(capture.FirstPrompt.Text, Is.EqualTo("admin@fw01(active)> "));
        Assert.That(capture.Steps.Select(s => (s.Prompt.Mode, s.Command, s.ExpectedOutput)), Is.EqualTo(new[]
        {
            ('>', "configure", "Entering configuration mode\n[edit]\n"),
            ('#', "set address a1 ip-netmask 10.0.0.1/32", "\n[edit]\n"),
            ('#', "exit", "Exiting configuration mode\n"),
        }));
        Assert.That(capture.Steps[1].Prompt.IsConfigurationMode, Is.True);
    }

    [Test]
    public void A_trailing_bare_prompt_is_not_a_command_but_a_bare_prompt_inside_is()
    {
        var unterminated = CaptureParser.Parse("admin@PA-VM> \r\nadmin@PA-VM> show clock\r\nFri\r\nadmin@PA-VM> ");
        var terminated = CaptureParser.Parse("admin@PA-VM> show clock\r\nFri\r\nadmin@PA-VM>\r\n");

        Assert.That(unterminated.Steps.Select(s => (s.Command, s.ExpectedOutput)), Is.EqualTo(new[] { (string.Empty, string.Empty), ("show clock", "Fri\n") }));
        Assert.That(terminated.Steps.Select(s => s.Command), Is.EqualTo(new[] { "show clock" }));
    }

    [Test]
    public void Text_before_the_first_prompt_is_ignored()
    {
        const string text = "=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2024.01.04 10:12:03 =~=~=~=~=~=~=~=~=~=~=~=\r\n"
            + "login as: admin\r\nNumber of failed attempts since last successful login: 0\r\n\r\n\r\n"
            + "admin@PA-VM> show clock\r\nThu Jan  4 10:12:05 PST 2024\r\nadmin@PA-VM> ";

        var capture = CaptureParser.Parse(text);

        Assert.That(capture.Steps, Has.Count.EqualTo(1));
        Assert.That(capture.Steps[0].Line, Is.EqualTo(6));
        Assert.That(capture.Steps[0].ExpectedOutput, Is.EqualTo("Thu Jan  4 10:12:05 PST 2024\n"));
    }

    [Test]
    public void Pager_lines_are_removed_with_their_erasure()
    {
        const string text = "admin@PA-VM> show system info\r\n\r\nhostname: PA-VM\r\n--more--\r\u001b[Kip-address: 192.168.1.1\r\n"
            + "--more--\r\n--More--\r        \rnetmask: 255.255.255.0\r\nadmin@PA-VM> ";

        var step = CaptureParser.Parse(text).Steps.Single();

        Assert.That(step.ExpectedOutput, Is.EqualTo("\nhostname: PA-VM\nip-address: 192.168.1.1\nnetmask: 255.255.255.0\n"));
    }

    [Test]
    public void Backspaces_edit_the_line_and_other_escapes_stay_visible()
    {
        Assert.That(TerminalText.Normalise("admin@PA-VM> show clx\b \bock\r\n"), Is.EqualTo("admin@PA-VM> show clock\n"));
        Assert.That(TerminalText.Normalise("time to live : 16 sec \r\r\n\u001b[1mbold\u001b[0m\a"), Is.EqualTo("time to live : 16 sec \n\u001b[1mbold\u001b[0m"));
    }

    [Test]
    public void Lines_of_another_user_that_look_like_prompts_are_output()
    {
        var step = CaptureParser.Parse("admin@PA-VM> show log system\r\nops@PA-VM> logged in\r\nadmin@PA-VM> ").Steps.Single();

        Assert.That(step.ExpectedOutput, Is.EqualTo("ops@PA-VM> logged in\n"));
    }

    [TestCase("", "the capture is empty")]
    [TestCase(" \r\n\r\n", "the capture is empty")]
    [TestCase("login as: admin\r\nPassword:\r\nConnection closed.\r\n", "no PAN-OS prompt (such as `admin@PA-VM> show clock`) at the start of any line of the capture")]
    [TestCase("Welcome\r\nadmin@PA-VM> ", "the capture holds no command: only a prompt with nothing typed after it")]
    public void Unusable_captures_say_why(string text, string message)
    {
        Assert.That(() => CaptureParser.Parse(text), Throws.TypeOf<CaptureFormatException>().With.Message.EqualTo(message));
    }

    private static bool SameSteps(Capture a, Capture b) =>
        a.FirstPrompt == b.FirstPrompt && a.Steps.SequenceEqual(b.Steps);
}
