namespace VirtualFirewall.Emulator.Telnet;

/// <summary>
/// Push-model decoder of the Telnet byte stream (RFC 854). State is carried across calls, so input may be
/// split at any byte boundary; only the grouping of data bytes into <see cref="TelnetData"/> events varies.
/// Never throws on any input and never buffers more than one subnegotiation of bounded length.
/// </summary>
public sealed class TelnetDecoder
{
    private const int NoOption = -1;
    private const int RetainedDataCapacity = 4096;

    private readonly int _maxSubnegotiationLength;
    private readonly List<byte> _data = [];
    private byte[]? _sbBuffer;
    private int _sbLength;
    private int _sbOption = NoOption;
    private bool _sbOverflow;
    private byte _verb;
    private State _state = State.Data;

    /// <param name="maxSubnegotiationLength">
    /// Longest subnegotiation payload (after IAC IAC un-doubling) that is delivered; a longer one is dropped.
    /// </param>
    public TelnetDecoder(int maxSubnegotiationLength = 512)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSubnegotiationLength);
        _maxSubnegotiationLength = maxSubnegotiationLength;
    }

    private enum State : byte
    {
        Data,
        Iac,
        Verb,
        SbOption,
        SbPayload,
        SbIac,
    }

    /// <summary>Bytes reserved for the subnegotiation being read; never more than the configured maximum.</summary>
    internal int SubnegotiationBufferCapacity => _sbBuffer?.Length ?? 0;

    /// <summary>Consumes <paramref name="input"/> and returns the events it completes, in stream order.</summary>
    public IReadOnlyList<TelnetEvent> Decode(ReadOnlySpan<byte> input)
    {
        List<TelnetEvent>? events = null;
        foreach (var b in input)
        {
            Step(b, ref events);
        }

        FlushData(ref events);
        if (_data.Capacity > RetainedDataCapacity)
        {
            _data.Capacity = RetainedDataCapacity;
        }

        return events ?? (IReadOnlyList<TelnetEvent>)[];
    }

    private void Step(byte b, ref List<TelnetEvent>? events)
    {
        switch (_state)
        {
            case State.Data:
                if (b == TelnetCodes.IAC)
                {
                    _state = State.Iac;
                }
                else
                {
                    _data.Add(b);
                }

                break;

            case State.Iac:
                OnCommand(b, ref events);
                break;

            case State.Verb:
                Emit(new TelnetNegotiation(_verb, b), ref events);
                _state = State.Data;
                break;

            case State.SbOption:
                if (b == TelnetCodes.IAC)
                {
                    _state = State.SbIac;
                }
                else
                {
                    _sbOption = b;
                    _state = State.SbPayload;
                }

                break;

            case State.SbPayload:
                if (b == TelnetCodes.IAC)
                {
                    _state = State.SbIac;
                }
                else
                {
                    AppendPayload(b);
                }

                break;

            case State.SbIac:
                if (b == TelnetCodes.IAC)
                {
                    // An escaped 0xFF: the option byte itself when none was read yet, else payload.
                    if (_sbOption == NoOption)
                    {
                        _sbOption = TelnetCodes.IAC;
                    }
                    else
                    {
                        AppendPayload(b);
                    }

                    _state = State.SbPayload;
                }
                else if (b == TelnetCodes.SE)
                {
                    if (_sbOption != NoOption && !_sbOverflow)
                    {
                        Emit(new TelnetSubnegotiation((byte)_sbOption, _sbBuffer.AsSpan(0, _sbLength).ToArray()), ref events);
                    }

                    ResetSubnegotiation();
                    _state = State.Data;
                }
                else
                {
                    // RFC 854 lets only IAC IAC and IAC SE occur inside SB. Anything else means the peer never
                    // closed it: drop the partial subnegotiation and honour the command, so the stream cannot wedge.
                    ResetSubnegotiation();
                    OnCommand(b, ref events);
                }

                break;
        }
    }

    /// <summary>Handles the byte after an IAC seen outside a subnegotiation.</summary>
    private void OnCommand(byte b, ref List<TelnetEvent>? events)
    {
        switch (b)
        {
            case TelnetCodes.IAC:
                _data.Add(b);
                _state = State.Data;
                break;
            case TelnetCodes.WILL or TelnetCodes.WONT or TelnetCodes.DO or TelnetCodes.DONT:
                _verb = b;
                _state = State.Verb;
                break;
            case TelnetCodes.SB:
                _state = State.SbOption;
                break;
            case TelnetCodes.SE:
                // A stray SE outside SB carries no meaning.
                _state = State.Data;
                break;
            default:
                Emit(new TelnetCommand(b), ref events);
                _state = State.Data;
                break;
        }
    }

    private void AppendPayload(byte b)
    {
        if (_sbOverflow)
        {
            return;
        }

        if (_sbLength == _maxSubnegotiationLength)
        {
            _sbOverflow = true;
            return;
        }

        _sbBuffer ??= new byte[Math.Min(_maxSubnegotiationLength, 64)];
        if (_sbLength == _sbBuffer.Length)
        {
            Array.Resize(ref _sbBuffer, Math.Min(_maxSubnegotiationLength, _sbBuffer.Length * 2));
        }

        _sbBuffer[_sbLength++] = b;
    }

    private void ResetSubnegotiation()
    {
        _sbLength = 0;
        _sbOption = NoOption;
        _sbOverflow = false;
    }

    private void Emit(TelnetEvent e, ref List<TelnetEvent>? events)
    {
        FlushData(ref events);
        (events ??= []).Add(e);
    }

    private void FlushData(ref List<TelnetEvent>? events)
    {
        if (_data.Count == 0)
        {
            return;
        }

        (events ??= []).Add(new TelnetData([.. _data]));
        _data.Clear();
    }
}
