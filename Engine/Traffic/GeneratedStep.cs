namespace VirtualFirewall.Engine.Traffic;

/// <summary>What a generated session does next.</summary>
internal enum GeneratedStep
{
    /// <summary>Open the session (a scripted session waiting for its start).</summary>
    Open,

    /// <summary>Complete the TCP handshake, or turn a predict session into a flow.</summary>
    Establish,

    /// <summary>One request and its response.</summary>
    Exchange,

    /// <summary>The client sends its SYN again (unanswered or denied).</summary>
    Retransmit,

    /// <summary>End with the planned tracker stage.</summary>
    Finish,
}
