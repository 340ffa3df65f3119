using System.Globalization;
using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// The lines PAN-OS prints between authentication and the first prompt (panos-cli-reference.md §2.2
/// and panos-cli-gaps.md §5.2): `Last login: &lt;asctime&gt; from &lt;ip&gt;`, a blank line, the failed-attempts
/// line, a blank line, and, while the admin account has its factory password, one more blank line and
/// the warning. `Last login` is left out when the user never logged in before, as Linux login does.
/// </summary>
public static class LoginBannerRenderer
{
    public static string Render(LoginBannerView view)
    {
        var text = new StringBuilder(256);
        if (view.PreviousLogin is { } previous && view.PreviousLoginLocal is { } local)
        {
            text.Append("Last login: ").Append(PanosTime.Asctime(local)).Append(" from ").Append(previous.From).Append("\n\n");
        }

        text.Append(Messages.FailedAttemptsPrefix)
            .Append(view.FailedAttempts.ToString(CultureInfo.InvariantCulture))
            .Append("\n\n");
        if (view.DefaultCredentials)
        {
            text.Append('\n').Append(Messages.DefaultCredentialsWarning).Append('\n');
        }

        return text.ToString();
    }
}
