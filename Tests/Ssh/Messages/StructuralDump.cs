using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace VirtualFirewall.Tests.Ssh.Messages;

/// <summary>
/// A canonical text form of a message record for structural comparison: records holding byte arrays
/// and lists compare those by reference, so the tests compare dumps instead.
/// </summary>
internal static class StructuralDump
{
    public static string Of(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                builder.Append('"').Append(text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case byte[] bytes:
                builder.Append("0x").Append(Convert.ToHexString(bytes));
                break;
            case ReadOnlyMemory<byte> memory:
                builder.Append("0x").Append(Convert.ToHexString(memory.Span));
                break;
            case Enum or bool or byte or int or uint or long or ulong:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case ITuple tuple:
                builder.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Append(builder, tuple[i]);
                }

                builder.Append(')');
                break;
            case IEnumerable items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    builder.Append(first ? string.Empty : ", ");
                    first = false;
                    Append(builder, item);
                }

                builder.Append(']');
                break;
            default:
                var type = value.GetType();
                builder.Append(type.Name).Append(" { ");
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length > 0)
                    {
                        continue;
                    }

                    builder.Append(property.Name).Append(" = ");
                    Append(builder, property.GetValue(value));
                    builder.Append("; ");
                }

                builder.Append('}');
                break;
        }
    }
}
