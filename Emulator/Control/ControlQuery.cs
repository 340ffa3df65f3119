using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace VirtualFirewall.Emulator.Control;

/// <summary>Query strings: only the parameters an endpoint knows, each at most once, and the <c>limit</c> every list takes.</summary>
internal static class ControlQuery
{
    public const int DefaultLimit = 1000;
    public const int MostLimit = 100_000;

    /// <summary>The parameters by name, or the error naming the first unknown or repeated one.</summary>
    public static (IReadOnlyDictionary<string, string>? Values, IResult? Error) Read(HttpContext context, params string[] known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in context.Request.Query)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                return (null, ControlResults.BadRequest($"unknown query parameter {ControlResults.Quote(name)}; expected one of: {string.Join(", ", known)}"));
            }

            if (given.Count != 1)
            {
                return (null, ControlResults.BadRequest($"{name}: given more than once"));
            }

            values[name] = given[0] ?? string.Empty;
        }

        return (values, null);
    }

    /// <summary>The <c>limit</c> parameter: 1 to <see cref="MostLimit"/>, <see cref="DefaultLimit"/> when missing; null when it is not.</summary>
    public static int? Limit(IReadOnlyDictionary<string, string> values) =>
        !values.TryGetValue("limit", out var text) ? DefaultLimit
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MostLimit ? limit
            : null;

    public static IResult BadLimit(IReadOnlyDictionary<string, string> values) =>
        ControlResults.BadRequest(string.Create(CultureInfo.InvariantCulture, $"limit: {ControlResults.Quote(values["limit"])} is not a whole number from 1 to {MostLimit}"));
}
