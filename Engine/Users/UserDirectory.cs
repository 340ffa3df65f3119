using System.Security.Cryptography;
using System.Text;

namespace VirtualFirewall.Engine.Users;

/// <summary>The device's local accounts, their last logins and failed attempts. Thread-safe.</summary>
public sealed class UserDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoginRecord> _lastLogins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failedSinceLastLogin = new(StringComparer.Ordinal);

    public UserDirectory(IEnumerable<UserAccount> accounts)
    {
        foreach (var account in accounts)
        {
            _accounts[account.Name] = account;
        }
    }

    /// <summary>Every account, in name order.</summary>
    public IReadOnlyList<UserAccount> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
            }
        }
    }

    public UserAccount? Find(string name)
    {
        lock (_gate)
        {
            return _accounts.GetValueOrDefault(name);
        }
    }

    /// <summary>
    /// Checks a password in time independent of where it differs; an unknown user costs the same
    /// comparison as a known one. A failure counts against the named account when it exists.
    /// </summary>
    public bool VerifyPassword(string name, string password)
    {
        UserAccount? account;
        lock (_gate)
        {
            account = _accounts.GetValueOrDefault(name);
        }

        bool matches;
        if (account?.PasswordHash is { } phash)
        {
            matches = Configuration.PasswordHash.Verify(phash, password);
        }
        else
        {
            var offered = SHA256.HashData(Encoding.UTF8.GetBytes(password));
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(account?.Password ?? "\0unknown-user\0"));
            matches = CryptographicOperations.FixedTimeEquals(offered, expected) && account is not null;
        }
        if (!matches && account is not null)
        {
            lock (_gate)
            {
                _failedSinceLastLogin[name] = _failedSinceLastLogin.GetValueOrDefault(name) + 1;
            }
        }

        return matches;
    }

    /// <summary>True when the key blob is one of the user's authorized keys.</summary>
    public bool IsAuthorizedKey(string name, ReadOnlySpan<byte> publicKeyBlob)
    {
        var account = Find(name);
        if (account is null)
        {
            return false;
        }

        foreach (var key in account.AuthorizedKeys)
        {
            if (publicKeyBlob.SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records a successful login and returns what the banner reports about the ones before it.</summary>
    public (LoginRecord? Previous, int FailedAttempts) RecordLogin(string name, LoginRecord login)
    {
        lock (_gate)
        {
            var previous = _lastLogins.GetValueOrDefault(name);
            var failed = _failedSinceLastLogin.GetValueOrDefault(name);
            _lastLogins[name] = login;
            _failedSinceLastLogin[name] = 0;
            return (previous, failed);
        }
    }

    /// <summary>Gives a user the configuration's password hash, or adds the user with it; SSH keys are kept.</summary>
    public void SetPasswordHash(string name, string phash)
    {
        lock (_gate)
        {
            _accounts[name] = _accounts.TryGetValue(name, out var account)
                ? account with { PasswordHash = phash }
                : new UserAccount(name, string.Empty) { PasswordHash = phash };
        }
    }

    public void SetLastLogin(string name, LoginRecord login)
    {
        lock (_gate)
        {
            _lastLogins[name] = login;
        }
    }
}
