using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`configure`, leaving configuration mode, and `commit`.</summary>
internal static class ConfigurationHandler
{
    public static CommandResult Enter(CliSession session)
    {
        session.Mode = CliMode.Configuration;
        session.EditPath = [];
        return new CommandResult(Messages.EnteringConfigurationMode);
    }

    public static CommandResult Leave(CliSession session)
    {
        session.Mode = CliMode.Operational;
        session.EditPath = [];
        return new CommandResult(Messages.ExitingConfigurationMode);
    }

    public static CommandResult SetPassword(Device device, SetUserPasswordCommand command)
    {
        if (command.Password is null || !string.Equals(command.Password, command.Confirmation, StringComparison.Ordinal))
        {
            return CommandResult.Error(Messages.PasswordsDoNotMatch);
        }

        device.Candidate.SetPassword(command.User, command.Password);
        return CommandResult.Silent;
    }

    public static CommandResult Commit(Device device, CommitCommand command)
    {
        if (device.Candidate.IsEmpty && !command.Force)
        {
            return new CommandResult(Messages.NoChangesToCommit);
        }

        device.Candidate.ApplyTo(device.Users);
        var jobId = device.Jobs.Add("Commit");
        // The captures show 98%/99% before 100%, sometimes with earlier stages (55%, 75%).
        int[] percentages = device.Random.Next(2) == 0 ? [99, 100] : [55, 75, 98, 100];
        return new CommandResult(CommitRenderer.Render(jobId, percentages, device.Random));
    }
}
