using Microsoft.AspNetCore.Http;
using VirtualFirewall.Emulator.Inventory;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// Endpoints as plain <see cref="RequestDelegate"/>s (no reflection-built binding): the handler gets the
/// context and, for device routes, the device named by <c>{name}</c> (404 when there is none).
/// </summary>
internal static class ControlRoutes
{
    public static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);

    public static RequestDelegate ForDevice(IReadOnlyDictionary<string, HostedDevice> devices, Func<HttpContext, HostedDevice, Task<IResult>> handler) =>
        Handle(context =>
        {
            var name = context.Request.RouteValues["name"] as string ?? string.Empty;
            return devices.TryGetValue(name, out var hosted) ? handler(context, hosted) : Task.FromResult(ControlResults.UnknownDevice(name));
        });

    public static string RouteValue(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;
}
