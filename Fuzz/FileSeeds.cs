using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Rendering.Configuration;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Fuzz;

/// <summary>The seeds of the file formats: descriptions, XML configurations, transcripts and captures, key files.</summary>
internal static class FileSeeds
{
    private const int MaxTranscriptSeed = 1600;

    public static void Write(string corpus, string repository)
    {
        var yaml = SeedWriter.Folder(corpus, "device-yaml");
        File.WriteAllText(Path.Combine(yaml, "default-device.yaml"), DefaultDevice.Text);
        File.Copy(Path.Combine(repository, "Tests", "Inventory", "full-device.yaml"), Path.Combine(yaml, "full-device.yaml"), overwrite: true);
        foreach (var scenario in Directory.EnumerateFiles(Path.Combine(repository, "Emulator", "Inventory", "Scenarios"), "*.yaml"))
        {
            File.Copy(scenario, Path.Combine(yaml, Path.GetFileName(scenario)), overwrite: true);
        }

        var xml = SeedWriter.Folder(corpus, "config-xml");
        var device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)));
        File.WriteAllText(Path.Combine(xml, "default-running.xml"), "<?xml version=\"1.0\"?>\n" + ConfigXmlRenderer.Render(FullConfiguration.Of(device.Configuration.Running)));
        foreach (var reference in Directory.EnumerateFiles(Path.Combine(repository, "Tests", "Reference", "configs"), "*.xml"))
        {
            File.Copy(reference, Path.Combine(xml, Path.GetFileName(reference)), overwrite: true);
        }

        var transcripts = SeedWriter.Folder(corpus, "transcript");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "transcripts"), "*.txt").Where(f => new FileInfo(f).Length <= MaxTranscriptSeed))
        {
            File.Copy(file, Path.Combine(transcripts, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(
            Path.Combine(transcripts, "capture.log"),
            "admin@PA-VM> show \r\u001b[Kadmin@PA-VM> show clock\r\n\r\nFri Nov 27 18:56:14 UTC 2026\r\n\r\nadmin@PA-VM> configure\r\nEntering configuration mode\r\n[edit]\r\nadmin@PA-VM# exit\r\nadmin@PA-VM> ");

        var keys = SeedWriter.Folder(corpus, "key-files");
        using var key = Ed25519HostKey.FromSeed([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
        File.WriteAllText(Path.Combine(keys, "ed25519-private.txt"), HostKeyFile.Export(key, "fuzz@seed"));
        File.WriteAllText(Path.Combine(keys, "ed25519-public.txt"), HostKeyFile.ExportPublic(key, "fuzz@seed") + "\n");
    }
}
