using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using YamlDotNet.RepresentationModel;

namespace VirtualFirewall.Tests.Inventory;

/// <summary>
/// The Kubernetes example (deploy/*.yaml) and the Dockerfile: well-formed, and wired the way
/// deploy/README.md says (headless Service, slice per pod, non-root, ports of every device).
/// </summary>
[TestFixture]
public sealed class DeployManifestTests
{
    private static IEnumerable<string> ManifestFiles =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "deploy"), "*.yaml").Order(StringComparer.Ordinal);

    [Test]
    public void Every_manifest_is_yaml_with_apiVersion_kind_and_name()
    {
        Assert.That(ManifestFiles, Is.Not.Empty);
        foreach (var file in ManifestFiles)
        {
            var documents = Load(file);
            Assert.That(documents, Is.Not.Empty, file);
            foreach (var document in documents)
            {
                Assert.Multiple(() =>
                {
                    Assert.That(Text(document, "apiVersion"), Is.Not.Empty, file);
                    Assert.That(Text(document, "kind"), Is.Not.Empty, file);
                    Assert.That(Text(document, "metadata", "name"), Is.Not.Empty, file);
                });
            }
        }
    }

    [Test]
    public void There_is_one_apps_v1_StatefulSet_and_one_v1_Service()
    {
        var kinds = AllDocuments().Select(d => (Text(d, "apiVersion"), Text(d, "kind"))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(kinds.Count(k => k == ("apps/v1", "StatefulSet")), Is.EqualTo(1));
            Assert.That(kinds.Count(k => k == ("v1", "Service")), Is.EqualTo(1));
        });
    }

    [Test]
    public void The_StatefulSet_is_governed_by_the_headless_Service()
    {
        var service = Single("Service");

        Assert.Multiple(() =>
        {
            Assert.That(Text(StatefulSet, "spec", "serviceName"), Is.EqualTo(Text(service, "metadata", "name")));
            Assert.That(Text(service, "spec", "clusterIP"), Is.EqualTo("None"));
            Assert.That(int.Parse(Text(StatefulSet, "spec", "replicas"), CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public void Selectors_match_the_pod_template_labels()
    {
        var labels = Pairs(Get(StatefulSet, "spec", "template", "metadata", "labels"));
        var statefulSetSelector = Pairs(Get(StatefulSet, "spec", "selector", "matchLabels"));
        var serviceSelector = Pairs(Get(Single("Service"), "spec", "selector"));

        Assert.Multiple(() =>
        {
            Assert.That(statefulSetSelector, Is.Not.Empty);
            Assert.That(serviceSelector, Is.Not.Empty);
            Assert.That(labels, Is.SupersetOf(statefulSetSelector), "the StatefulSet's selector");
            Assert.That(labels, Is.SupersetOf(serviceSelector), "the Service's selector");
        });
    }

    [Test]
    public void The_container_runs_as_non_root()
    {
        var pod = Get(StatefulSet, "spec", "template", "spec");

        Assert.Multiple(() =>
        {
            Assert.That(FindText(Container, "securityContext", "runAsNonRoot") ?? FindText(pod, "securityContext", "runAsNonRoot"), Is.EqualTo("true"));
            Assert.That(FindText(Container, "securityContext", "runAsUser") ?? FindText(pod, "securityContext", "runAsUser") ?? "1654", Is.Not.EqualTo("0"));
            Assert.That(FindText(Container, "securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"));
        });
    }

    [Test]
    public void Each_pod_serves_the_slice_of_its_ordinal()
    {
        var args = Arguments;
        var replicas = int.Parse(Text(StatefulSet, "spec", "replicas"), CultureInfo.InvariantCulture);

        Assert.Multiple(() =>
        {
            Assert.That(args, Does.Contain("--devices"));
            Assert.That(args, Does.Contain("--devices-offset-from-hostname"));
            Assert.That(args, Does.Not.Contain("--devices-offset"), "the offset comes from the ordinal, not a fixed option");
            Assert.That(DevicesPerPod, Is.GreaterThanOrEqualTo(1));
        });
        // The last pod's plan is valid: its ports fit and SSH and Telnet do not overlap.
        var plan = InventoryPlan.Create(DevicesPerPod, InventoryPlan.OffsetFor(replicas - 1, DevicesPerPod), "PA-VM", SshBasePort, TelnetBasePort);
        Assert.That(plan[^1].Index, Is.EqualTo((replicas * DevicesPerPod) - 1));
    }

    [Test]
    public void The_container_ports_cover_the_ports_of_every_device()
    {
        var ports = ((YamlSequenceNode)Get(Container, "ports")).Select(p => int.Parse(Text(p, "containerPort"), CultureInfo.InvariantCulture)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ports, Is.Unique);
            Assert.That(ports, Is.SupersetOf(Enumerable.Range(SshBasePort, DevicesPerPod)), "SSH");
            if (TelnetBasePort is { } telnet)
            {
                Assert.That(ports, Is.SupersetOf(Enumerable.Range(telnet, DevicesPerPod)), "Telnet");
            }
        });
    }

    [Test]
    public void Readiness_is_the_first_SSH_port_accepting()
    {
        Assert.That(Text(Container, "readinessProbe", "tcpSocket", "port"), Is.EqualTo(SshBasePort.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Data_lives_on_a_claim_per_pod_mounted_at_data()
    {
        var claim = ((YamlSequenceNode)Get(StatefulSet, "spec", "volumeClaimTemplates")).Single();
        var mounts = (YamlSequenceNode)Get(Container, "volumeMounts");

        Assert.That(mounts.Where(m => Text(m, "mountPath") == "/data").Select(m => Text(m, "name")), Is.EqualTo(new[] { Text(claim, "metadata", "name") }));
    }

    [Test]
    public void The_container_has_resource_requests_and_limits()
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in new[] { "requests", "limits" })
            {
                Assert.That(FindText(Container, "resources", kind, "cpu"), Is.Not.Null, kind);
                Assert.That(FindText(Container, "resources", kind, "memory"), Is.Not.Null, kind);
            }
        });
    }

    [Test]
    public void The_Dockerfile_builds_on_the_SDK_and_runs_as_non_root_on_the_ASP_NET_runtime()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var from = lines.Where(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)).ToList();
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase))["USER ".Length..].Split(':')[0].Trim();
        var entrypoint = lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.OrdinalIgnoreCase));

        Assert.Multiple(() =>
        {
            Assert.That(from, Has.Count.EqualTo(2));
            Assert.That(from[0], Does.Contain("mcr.microsoft.com/dotnet/sdk:10.0"));
            Assert.That(from[^1], Does.Contain("mcr.microsoft.com/dotnet/aspnet:10.0"));
            Assert.That(lines, Has.Some.Contains("dotnet publish Emulator -c Release -o /app"));
            Assert.That(user, Is.Not.Empty.And.Not.EqualTo("root").And.Not.EqualTo("0"));
            Assert.That(lines.IndexOf(lines.Last(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase))), Is.GreaterThan(lines.IndexOf(from[^1])), "USER is set in the runtime stage");
            Assert.That(entrypoint, Does.Contain("\"--listen\", \"0.0.0.0\""));
            Assert.That(entrypoint, Does.Contain("\"--host-key-dir\", \"/data/host-keys\""));
            Assert.That(entrypoint, Does.Contain("\"--state-dir\", \"/data/state\""));
            Assert.That(lines, Has.Some.StartsWith("VOLUME /data"));
            Assert.That(lines, Has.Some.StartsWith("EXPOSE ").And.Contains("2222-"));
        });
    }

    [Test]
    public void The_docker_context_leaves_out_build_output_git_and_logs()
    {
        var patterns = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore")).Select(l => l.Trim()).ToList();

        Assert.That(patterns, Is.SupersetOf(new[] { "**/bin/", "**/obj/", ".git/", "**/logs/" }));
    }

    private static YamlMappingNode StatefulSet => Single("StatefulSet");

    private static YamlNode Container => ((YamlSequenceNode)Get(StatefulSet, "spec", "template", "spec", "containers")).Single();

    private static List<string> Arguments =>
        new[] { "command", "args" }.Select(key => Find(Container, key)).OfType<YamlSequenceNode>().SelectMany(s => s).Select(n => ((YamlScalarNode)n).Value ?? string.Empty).ToList();

    private static int DevicesPerPod => int.Parse(Option("--devices") ?? "1", CultureInfo.InvariantCulture);

    private static int SshBasePort => int.Parse(Option("--ssh-port") ?? "2222", CultureInfo.InvariantCulture);

    private static int? TelnetBasePort =>
        Arguments.Contains("--no-telnet") ? null : int.Parse(Option("--telnet-port") ?? "2323", CultureInfo.InvariantCulture);

    private static string? Option(string name)
    {
        var args = Arguments;
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }

    private static List<YamlMappingNode> Load(string file)
    {
        using var reader = new StreamReader(file);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode as YamlMappingNode ?? throw new AssertionException($"{file}: a document is not a mapping")).ToList();
    }

    private static IEnumerable<YamlMappingNode> AllDocuments() => ManifestFiles.SelectMany(Load);

    private static YamlMappingNode Single(string kind) => AllDocuments().Single(d => Text(d, "kind") == kind);

    private static Dictionary<string, string> Pairs(YamlNode mapping) =>
        ((YamlMappingNode)mapping).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal);

    /// <summary>The node at a path of mapping keys, or null if a key is missing.</summary>
    private static YamlNode? Find(YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            current = (current as YamlMappingNode)?.Children
                .FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && string.Equals(k, key, StringComparison.Ordinal)).Value;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static string? FindText(YamlNode node, params string[] path) => (Find(node, path) as YamlScalarNode)?.Value;

    private static YamlNode Get(YamlNode node, params string[] path) =>
        Find(node, path) ?? throw new AssertionException($"{string.Join('.', path)} is missing");

    private static string Text(YamlNode node, params string[] path) =>
        (Get(node, path) as YamlScalarNode)?.Value ?? throw new AssertionException($"{string.Join('.', path)} is not a scalar");
}
