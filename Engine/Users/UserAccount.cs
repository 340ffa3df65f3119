namespace VirtualFirewall.Engine.Users;

/// <summary>A local administrator account (`mgt-config users`).</summary>
public sealed record UserAccount(string Name, string Password)
{
    /// <summary>SSH public key blobs (the base64 field of an `authorized_keys` line, decoded) that log in as this user.</summary>
    public IReadOnlyList<byte[]> AuthorizedKeys { get; init; } = [];

    /// <summary>The configuration's `phash` for the account; when set it decides logins instead of <see cref="Password"/>.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>
    /// PAN-OS warns at login while the `admin` account still has its factory password
    /// (panos-cli-reference.md §2.2).
    /// </summary>
    public bool HasDefaultCredentials =>
        string.Equals(Name, "admin", StringComparison.Ordinal)
        && (PasswordHash is null ? string.Equals(Password, "admin", StringComparison.Ordinal) : Configuration.PasswordHash.Verify(PasswordHash, "admin"));
}
