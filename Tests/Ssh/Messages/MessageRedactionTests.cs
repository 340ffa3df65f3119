using VirtualFirewall.Ssh.Messages.Authentication;

namespace VirtualFirewall.Tests.Ssh.Messages;

[TestFixture]
public sealed class MessageRedactionTests
{
    [Test]
    public void Password_request_hides_both_passwords()
    {
        var request = new PasswordRequest("hunter2", "correct horse");

        var text = request.ToString();

        Assert.That(text, Does.Not.Contain("hunter2"));
        Assert.That(text, Does.Not.Contain("correct horse"));
        Assert.That(text, Does.StartWith("PasswordRequest {"));
        Assert.That(text, Does.Contain("IsChange = True"));
        Assert.That($"{request}", Is.EqualTo(text));
    }

    [Test]
    public void Plain_password_request_hides_the_password()
    {
        var text = PasswordRequest.Read(new PasswordRequest("s3cr3t").ToMethodData()).ToString();

        Assert.That(text, Does.Not.Contain("s3cr3t"));
        Assert.That(text, Does.Not.Contain("NewPassword"));
    }

    [Test]
    public void Info_response_hides_the_answers()
    {
        var text = new UserauthInfoResponseMessage(["hunter2", "123456"]).ToString();

        Assert.That(text, Does.Not.Contain("hunter2"));
        Assert.That(text, Does.Not.Contain("123456"));
        Assert.That(text, Does.Contain('2'));
    }

    [Test]
    public void Userauth_request_shows_the_user_but_not_the_method_data()
    {
        var request = new UserauthRequestMessage("admin", "ssh-connection", "password", new PasswordRequest("hunter2").ToMethodData());

        var text = request.ToString();

        Assert.That(text, Does.Contain("admin"));
        Assert.That(text, Does.Not.Contain("hunter2"));
        Assert.That(text, Does.Not.Contain(Convert.ToHexString("hunter2"u8)));
    }

    [Test]
    public void Records_with_secrets_still_compare_by_value()
    {
        var first = new PasswordRequest("a", "b");
        var second = PasswordRequest.Read(first.ToMethodData());

        Assert.That(second, Is.EqualTo(first));
        Assert.That(second, Is.Not.EqualTo(new PasswordRequest("a")));
    }
}
