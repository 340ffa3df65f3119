using System.Buffers;
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

    protected internal override bool WriteNext(IBufferWriter<byte> utf8, LineEnd lineEnd)
    {
        var written = 0;
        if (_next < 0)
        {
            written += SessionListRenderer.WriteHeader(utf8, lineEnd);
            _next = 0;
        }

        while (_next < _sessions.Count && written < PieceBytes)
        {
            written += SessionListRenderer.WriteRows(utf8, _sessions[_next++], lineEnd);
        }

        return _next < _sessions.Count;
    }
}
