using Microsoft.AspNetCore.Http;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// Serves only requests addressed to a loopback name. Binding 127.0.0.1 keeps other hosts out, but a
/// web page can rebind its own host name to 127.0.0.1 (DNS rebinding) and drive this unauthenticated
/// API from the user's browser; such requests carry the page's name in their Host header.
/// </summary>
internal static class LoopbackHostFilter
{
    public static Task RequireLoopbackHostAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (host is "127.0.0.1" or "[::1]" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        return ControlResults.Error(StatusCodes.Status403Forbidden, $"the control API answers requests to 127.0.0.1 or localhost only, not to \"{host}\"").ExecuteAsync(context);
    }
}
