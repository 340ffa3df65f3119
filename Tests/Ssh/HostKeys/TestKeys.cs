using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

/// <summary>One key of each kind, generated once: RSA generation takes a while.</summary>
internal static class TestKeys
{
    private static readonly Lazy<Ed25519HostKey> LazyEd25519 = new(Ed25519HostKey.Generate);
    private static readonly Lazy<EcdsaHostKey> LazyNistp256 = new(() => EcdsaHostKey.Generate());
    private static readonly Lazy<EcdsaHostKey> LazyNistp384 = new(() => EcdsaHostKey.Generate(EcdsaHostKey.Nistp384));
    private static readonly Lazy<EcdsaHostKey> LazyNistp521 = new(() => EcdsaHostKey.Generate(EcdsaHostKey.Nistp521));
    private static readonly Lazy<RsaHostKey> LazyRsa = new(() => RsaHostKey.Generate());

    /// <summary>The names of <see cref="Get"/>, for TestCaseSource.</summary>
    public static IEnumerable<string> Kinds { get; } = ["ed25519", "nistp256", "nistp384", "nistp521", "rsa"];

    public static HostKey Get(string kind) => kind switch
    {
        "ed25519" => LazyEd25519.Value,
        "nistp256" => LazyNistp256.Value,
        "nistp384" => LazyNistp384.Value,
        "nistp521" => LazyNistp521.Value,
        "rsa" => LazyRsa.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown key kind"),
    };
}
