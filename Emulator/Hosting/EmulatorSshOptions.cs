using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// The SSH options the emulator serves with. By default Debian's ssh-audit finds no failure or warning
/// in them: no NIST-curve key exchange or host key (the ECDSA key stays on disk, unoffered), EtM MACs
/// only. `--legacy-algorithms` offers those too, for a client that needs them.
/// </summary>
public static class EmulatorSshOptions
{
    public static SshServerOptions Create(IReadOnlyList<HostKey> keys, bool legacyAlgorithms)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (legacyAlgorithms)
        {
            return new SshServerOptions { HostKeys = keys }.WithLegacyAlgorithms();
        }

        return new SshServerOptions { HostKeys = [.. keys.Where(k => k is not EcdsaHostKey)] };
    }
}
