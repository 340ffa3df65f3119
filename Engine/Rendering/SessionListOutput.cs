using System.Text;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>`show session all` in pieces: the sessions the command selected, rendered as <see cref="SessionListRenderer"/> does.</summary>
internal sealed class SessionListOutput : StreamedOutput
{
    /// <summary>Smaller listings are rendered at once: streaming them would only add round trips.</summary>
    public const int StreamAbove = 512;

    private readonly IReadOnlyList<Session> _sessions;
    private int _next = -1;

    public SessionListOutput(IReadOnlyList<Session> sessions)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sessions.Count);
        _sessions = sessions;
    }

    protected internal override bool WriteNext(StringBuilder text)
    {
        var end = text.Length + PieceLength;
        if (_next < 0)
        {
            SessionListRenderer.AppendHeader(text);
            _next = 0;
        }

        while (_next < _sessions.Count && text.Length < end)
        {
            SessionListRenderer.AppendRows(text, _sessions[_next++]);
        }

        return _next < _sessions.Count;
    }
}
