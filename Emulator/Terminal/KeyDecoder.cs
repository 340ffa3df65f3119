using System.Text;

namespace VirtualFirewall.Emulator.Terminal;

/// <summary>
/// A pure, push-model decoder from terminal bytes to keys, safe at any byte split. `\r`, `\n`,
/// `\r\n` and `\r\0` are each one Enter (client contract C5; RFC 854 sends CR NUL or CR LF); a lone
/// NUL is dropped (netmiko's is_alive() sends one, C4). Escape sequences for arrows and Home/End are
/// recognised (VT100 CSI and SS3 forms); unknown sequences and other control bytes are dropped.
/// Invalid UTF-8 is dropped byte by byte.
/// </summary>
public sealed class KeyDecoder
{
    // An escape sequence longer than this is abandoned: no real key sends one.
    private const int MaxSequenceLength = 16;

    private State _state = State.Ground;
    private readonly byte[] _sequence = new byte[MaxSequenceLength];
    private int _sequenceLength;
    private int _utf8Needed;
    private bool _sequenceTooLong;

    private enum State
    {
        Ground,
        AfterCarriageReturn,
        Escape,
        ControlSequence,
        SingleShift,
        Utf8,
    }

    public void Decode(ReadOnlySpan<byte> input, List<Key> keys)
    {
        foreach (var b in input)
        {
            Step(b, keys);
        }
    }

    private void Step(byte b, List<Key> keys)
    {
        switch (_state)
        {
            case State.AfterCarriageReturn:
                _state = State.Ground;
                if (b is 0x0A or 0x00)
                {
                    return;
                }

                Ground(b, keys);
                return;
            case State.Escape:
                if (b == (byte)'[')
                {
                    _state = State.ControlSequence;
                    _sequenceLength = 0;
                    _sequenceTooLong = false;
                }
                else if (b == (byte)'O')
                {
                    _state = State.SingleShift;
                }
                else
                {
                    // A lone Esc: dropped. A control key after it (Enter, Ctrl-C) still counts.
                    _state = State.Ground;
                    if (b < 0x20)
                    {
                        Ground(b, keys);
                    }
                }

                return;
            case State.ControlSequence:
                ControlSequence(b, keys);
                return;
            case State.SingleShift:
                _state = State.Ground;
                if (b < 0x20)
                {
                    Ground(b, keys);
                    return;
                }

                EmitFinal(b, keys);
                return;
            case State.Utf8:
                Utf8(b, keys);
                return;
            default:
                Ground(b, keys);
                return;
        }
    }

    private void Ground(byte b, List<Key> keys)
    {
        switch (b)
        {
            case 0x0D:
                keys.Add(Key.Of(KeyKind.Enter));
                _state = State.AfterCarriageReturn;
                return;
            case 0x0A:
                keys.Add(Key.Of(KeyKind.Enter));
                return;
            case 0x7F or 0x08:
                keys.Add(Key.Of(KeyKind.Backspace));
                return;
            case 0x03:
                keys.Add(Key.Of(KeyKind.Interrupt));
                return;
            case 0x04:
                keys.Add(Key.Of(KeyKind.EndOfFile));
                return;
            case 0x09:
                keys.Add(Key.Of(KeyKind.Tab));
                return;
            case 0x01:
                keys.Add(Key.Of(KeyKind.Home));
                return;
            case 0x05:
                keys.Add(Key.Of(KeyKind.End));
                return;
            case 0x02:
                keys.Add(Key.Of(KeyKind.Left));
                return;
            case 0x06:
                keys.Add(Key.Of(KeyKind.Right));
                return;
            case 0x0B:
                keys.Add(Key.Of(KeyKind.KillToEnd));
                return;
            case 0x15:
                keys.Add(Key.Of(KeyKind.KillLine));
                return;
            case 0x17:
                keys.Add(Key.Of(KeyKind.KillWord));
                return;
            case 0x10:
                keys.Add(Key.Of(KeyKind.Up));
                return;
            case 0x0E:
                keys.Add(Key.Of(KeyKind.Down));
                return;
            case 0x1B:
                _state = State.Escape;
                return;
            case < 0x20:
                return;
            case < 0x80:
                keys.Add(Key.Character(new Rune(b)));
                return;
            default:
                StartUtf8(b);
                return;
        }
    }

    private void StartUtf8(byte lead)
    {
        var needed = lead switch
        {
            >= 0xC2 and <= 0xDF => 1,
            >= 0xE0 and <= 0xEF => 2,
            >= 0xF0 and <= 0xF4 => 3,
            _ => 0,
        };
        if (needed == 0)
        {
            return;
        }

        _sequence[0] = lead;
        _sequenceLength = 1;
        _utf8Needed = needed;
        _state = State.Utf8;
    }

    private void Utf8(byte b, List<Key> keys)
    {
        if ((b & 0xC0) != 0x80)
        {
            // Truncated sequence: drop it and read this byte afresh.
            _state = State.Ground;
            Ground(b, keys);
            return;
        }

        _sequence[_sequenceLength++] = b;
        if (--_utf8Needed > 0)
        {
            return;
        }

        _state = State.Ground;
        if (Rune.DecodeFromUtf8(_sequence.AsSpan(0, _sequenceLength), out var rune, out _) == System.Buffers.OperationStatus.Done
            && !Rune.IsControl(rune))
        {
            keys.Add(Key.Character(rune));
        }
    }

    private void ControlSequence(byte b, List<Key> keys)
    {
        if (b is >= 0x40 and <= 0x7E)
        {
            _state = State.Ground;
            if (_sequenceTooLong)
            {
                return;
            }

            if (b == (byte)'~')
            {
                EmitTilde(_sequence.AsSpan(0, _sequenceLength), keys);
            }
            else
            {
                EmitFinal(b, keys);
            }

            return;
        }

        if (b < 0x20)
        {
            // A control byte cancels the sequence and is itself a key (ECMA-48 §5.4).
            _state = State.Ground;
            Ground(b, keys);
            return;
        }

        if (b > 0x3F)
        {
            _state = State.Ground;
            return;
        }

        // An over-long sequence is ignored up to its final byte, so its tail never reads as typing.
        if (_sequenceLength < MaxSequenceLength)
        {
            _sequence[_sequenceLength++] = b;
        }
        else
        {
            _sequenceTooLong = true;
        }
    }

    private static void EmitFinal(byte final, List<Key> keys)
    {
        KeyKind? kind = final switch
        {
            (byte)'A' => KeyKind.Up,
            (byte)'B' => KeyKind.Down,
            (byte)'C' => KeyKind.Right,
            (byte)'D' => KeyKind.Left,
            (byte)'H' => KeyKind.Home,
            (byte)'F' => KeyKind.End,
            _ => null,
        };
        if (kind is { } k)
        {
            keys.Add(Key.Of(k));
        }
    }

    private static void EmitTilde(ReadOnlySpan<byte> parameters, List<Key> keys)
    {
        KeyKind? kind = parameters switch
        {
            [(byte)'1'] or [(byte)'7'] => KeyKind.Home,
            [(byte)'4'] or [(byte)'8'] => KeyKind.End,
            [(byte)'3'] => KeyKind.Delete,
            _ => null,
        };
        if (kind is { } k)
        {
            keys.Add(Key.Of(k));
        }
    }
}
