using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Rendering.Configuration;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`configure`, the configuration-mode commands, and `commit`.</summary>
internal static class ConfigurationHandler
{
    public static CommandResult Enter(CliSession session)
    {
        session.Mode = CliMode.Configuration;
        session.EditPath = [];
        return new CommandResult(Messages.EnteringConfigurationMode);
    }

    public static CommandResult Leave(CliSession session, ExitConfigurationCommand command)
    {
        if (!command.Quit && session.EditPath.Count > 0)
        {
            return Up(session, new ConfigUpCommand(ToTop: false));
        }

        session.Mode = CliMode.Operational;
        session.EditPath = [];
        return new CommandResult(Messages.ExitingConfigurationMode);
    }

    public static CommandResult Set(Device device, ConfigSetCommand command)
    {
        DeviceConfiguration.Set(device.Configuration.Candidate, command.Path, command.Assignments);
        return CommandResult.Silent;
    }

    public static CommandResult Delete(Device device, ConfigDeleteCommand command)
    {
        DeviceConfiguration.Delete(device.Configuration.Candidate, command.Path, command.Members);
        return CommandResult.Silent;
    }

    public static CommandResult Rename(Device device, ConfigRenameCommand command) =>
        DeviceConfiguration.Rename(device.Configuration.Candidate, command.Path, command.NewName)
            ? CommandResult.Silent
            : CommandResult.Error(Messages.InvalidSyntax);

    public static CommandResult Move(Device device, ConfigMoveCommand command) =>
        DeviceConfiguration.Move(device.Configuration.Candidate, command.Path, command.Where, command.Other)
            ? CommandResult.Silent
            : CommandResult.Error(Messages.InvalidSyntax);

    public static CommandResult Edit(CliSession session, ConfigEditCommand command)
    {
        session.EditPath = [.. command.Path.SelectMany(s => s.Words)];
        return CommandResult.Silent;
    }

    public static CommandResult Up(CliSession session, ConfigUpCommand command)
    {
        var steps = ConfigWalk.Run(session.EditPath, withValues: false).Path;
        session.EditPath = command.ToTop || steps.Count == 0 ? [] : [.. steps.Take(steps.Count - 1).SelectMany(s => s.Words)];
        return CommandResult.Silent;
    }

    public static CommandResult Show(Device device, CliSession session, ConfigShowCommand command)
    {
        var element = DeviceConfiguration.Find(device.Configuration.Candidate, command.Path);
        if (element is null)
        {
            return CommandResult.Silent;
        }

        var words = command.Path.SelectMany(s => s.Words).ToList();
        return new CommandResult(session.Settings.ConfigOutputFormat switch
        {
            ConfigOutputFormat.Set => ConfigSetRenderer.Render(element, words),
            ConfigOutputFormat.Xml => command.Path.Count == 0 ? ConfigXmlRenderer.Render(FullConfiguration.Of(element)) : ConfigXmlRenderer.Render(element),
            ConfigOutputFormat.Json => ConfigJsonRenderer.Render(command.Path.Count == 0 ? FullConfiguration.Of(element) : element),
            _ => command.Path.Count == 0 ? ConfigBraceRenderer.RenderChildren(element) : ConfigBraceRenderer.Render(element),
        });
    }

    public static CommandResult ShowConfig(Device device, CliSession session, ShowConfigCommand command)
    {
        var tree = command.Candidate ? device.Configuration.Candidate : device.Configuration.Running;
        var full = FullConfiguration.Of(tree);
        return new CommandResult(session.Settings.ConfigOutputFormat switch
        {
            ConfigOutputFormat.Set => ConfigSetRenderer.Render(tree, []),
            ConfigOutputFormat.Xml => ConfigXmlRenderer.Render(full),
            ConfigOutputFormat.Json => ConfigJsonRenderer.Render(full),
            _ => ConfigBraceRenderer.Render(full),
        });
    }

    public static CommandResult ShowDiff(Device device) =>
        new(ConfigDiffRenderer.Render(
            ConfigBraceRenderer.Render(FullConfiguration.Of(device.Configuration.Running)),
            ConfigBraceRenderer.Render(FullConfiguration.Of(device.Configuration.Candidate))));

    // No capture of these replies exists; they follow the wording PAN-OS uses for its other config files.
    public static CommandResult Load(Device device, LoadConfigCommand command)
    {
        if (device.ConfigFiles?.Read(command.FileName) is not { } text)
        {
            return CommandResult.Error($"Server error : {command.FileName} does not exist\n");
        }

        try
        {
            var (root, _) = ConfigXmlReader.Read(System.Xml.Linq.XDocument.Parse(text));
            device.Configuration.Replace(root);
            return new CommandResult($"Config loaded from {command.FileName}\n");
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException)
        {
            return CommandResult.Error($"Server error : {command.FileName} is not a valid configuration\n");
        }
    }

    public static CommandResult Save(Device device, SaveConfigCommand command)
    {
        if (device.ConfigFiles is null)
        {
            return CommandResult.Error("Server error : configuration files are not kept on this device (start it with --state-dir)\n");
        }

        var xml = "<?xml version=\"1.0\"?>\n" + ConfigXmlRenderer.Render(FullConfiguration.Of(device.Configuration.Candidate));
        return device.ConfigFiles.Write(command.FileName, xml) is { } error
            ? CommandResult.Error("Server error : " + error + "\n")
            : new CommandResult($"Config saved to {command.FileName}\n");
    }

    /// <summary>
    /// `validate full`: the commit checks without the commit, as a job whose result `show jobs id`
    /// reports. The enqueue line is reconstructed; no capture of it was found.
    /// </summary>
    public static CommandResult Validate(Device device)
    {
        var errors = CommitValidator.Check(device.Configuration.Candidate);
        var jobId = device.Jobs.Add("Validate", TimeSpan.Zero, errors.Count == 0 ? ["Configuration is valid"] : errors, errors.Count == 0 ? "OK" : "FAIL");
        return new CommandResult(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Validate job enqueued with jobid {jobId}\n"));
    }

    public static CommandResult SetOutputFormat(CliSession session, SetCliConfigOutputFormatCommand command)
    {
        session.Settings.ConfigOutputFormat = command.Format;
        return CommandResult.Silent;
    }

    public static CommandResult Revert(Device device)
    {
        device.Configuration.Revert();
        return CommandResult.Silent;
    }

    public static CommandResult SetPassword(Device device, SetUserPasswordCommand command)
    {
        if (command.Password is null || !string.Equals(command.Password, command.Confirmation, StringComparison.Ordinal))
        {
            return CommandResult.Error(Messages.PasswordsDoNotMatch);
        }

        device.Configuration.SetPassword(command.User, PasswordHash.Of(command.Password, device.Random));
        return CommandResult.Silent;
    }

    public static CommandResult Commit(Device device, CommitCommand command)
    {
        if (!device.Configuration.HasChanges && !command.Force)
        {
            return new CommandResult(Messages.NoChangesToCommit);
        }

        // The captures show 98%/99% before 100%, sometimes with earlier stages (55%, 75%).
        int[] percentages = device.Random.Next(2) == 0 ? [99, 100] : [55, 75, 98, 100];
        var errors = CommitValidator.Check(device.Configuration.Candidate);
        if (errors.Count == 0 && device.SaveRunning?.Invoke(device.Configuration.Candidate) is { } saveError)
        {
            errors = [saveError];
        }

        if (errors.Count > 0)
        {
            var failed = device.Jobs.Add("Commit", TimeSpan.Zero, errors, result: "FAIL");
            return CommandResult.Error(CommitRenderer.RenderFailure(failed, errors));
        }

        var jobId = device.Jobs.Add("Commit");

        device.Configuration.Commit();
        CommitEffects.Apply(device);
        return new CommandResult(CommitRenderer.Render(jobId, percentages, device.Random));
    }
}
