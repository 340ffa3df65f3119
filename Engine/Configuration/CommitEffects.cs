namespace VirtualFirewall.Engine.Configuration;

/// <summary>What a commit changes outside the configuration tree: the prompt's hostname, the login banner, passwords.</summary>
internal static class CommitEffects
{
    public static void Apply(Device device)
    {
        var running = device.Configuration.Running;
        var system = running.Child("deviceconfig")?.Child("system");
        if (system?.Child("hostname")?.Value is { } hostname && !string.Equals(hostname, device.Identity.Hostname, StringComparison.Ordinal))
        {
            device.Identity = device.Identity with { Hostname = hostname };
        }

        var banner = system?.Child("login-banner")?.Value;
        if (!string.Equals(banner, device.Behavior.LoginBanner, StringComparison.Ordinal))
        {
            device.Behavior = device.Behavior with { LoginBanner = banner };
        }

        foreach (var user in running.Child("mgt-config")?.Child("users")?.Children ?? [])
        {
            if (user.Child("phash")?.Value is { } phash && !string.Equals(device.Users.Find(user.Name)?.PasswordHash, phash, StringComparison.Ordinal))
            {
                device.Users.SetPasswordHash(user.Name, phash);
            }
        }
    }
}
