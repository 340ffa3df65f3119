using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// The changes made in configuration mode and not yet committed. PAN-OS keeps one candidate
/// configuration per device, shared by every administrator, so this lives on the device. `commit`
/// applies the changes in the order they were made. Callers hold the device lock.
/// </summary>
public sealed class CandidateChanges
{
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public bool IsEmpty => _order.Count == 0;

    /// <summary>`set mgt-config users &lt;name&gt; password`: the account is created when it does not exist.</summary>
    public void SetPassword(string user, string password)
    {
        if (_passwords.TryAdd(user, password))
        {
            _order.Add(user);
        }
        else
        {
            _passwords[user] = password;
        }
    }

    /// <summary>Makes the changes the running configuration and empties the candidate.</summary>
    public void ApplyTo(UserDirectory users)
    {
        foreach (var user in _order)
        {
            users.SetPassword(user, _passwords[user]);
        }

        _passwords.Clear();
        _order.Clear();
    }
}
