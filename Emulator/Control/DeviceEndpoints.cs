using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using static VirtualFirewall.Emulator.Control.ControlResults;

namespace VirtualFirewall.Emulator.Control;

/// <summary>The device endpoints: listing, the clock, the traffic generator and reset.</summary>
internal static class DeviceEndpoints
{
    // Far enough for any test; a farther jump would only be cut short by the generator's catch-up limit.
    private static readonly TimeSpan LongestAdvance = TimeSpan.FromDays(3650);

    private static ControlJsonContext Types => ControlJsonContext.Api;

    public static void Map(IEndpointRouteBuilder app, IReadOnlyDictionary<string, HostedDevice> devices, IReadOnlyList<HostedDevice> ordered)
    {
        app.MapGet("/devices", ControlRoutes.Handle(_ =>
            Task.FromResult(Json(ordered.Select(h => h.Device.Locked(d => ControlViews.Device(h, d))).ToArray(), Types.DeviceInfoArray))));
        app.MapGet("/devices/{name}", ControlRoutes.ForDevice(devices, (_, hosted) =>
            Task.FromResult(Json(hosted.Device.Locked(d => ControlViews.Device(hosted, d)), Types.DeviceInfo))));
        app.MapGet("/devices/{name}/clock", ControlRoutes.ForDevice(devices, (_, hosted) =>
            Task.FromResult(Json(hosted.Device.Locked(d => ControlViews.Clock(hosted, d)), Types.ClockInfo))));
        app.MapPost("/devices/{name}/clock/advance", ControlRoutes.ForDevice(devices, AdvanceAsync));
        app.MapPut("/devices/{name}/clock", ControlRoutes.ForDevice(devices, SetClockAsync));
        app.MapPost("/devices/{name}/generator/start", ControlRoutes.ForDevice(devices, StartGeneratorAsync));
        app.MapPost("/devices/{name}/generator/stop", ControlRoutes.ForDevice(devices, StopGeneratorAsync));
        app.MapPost("/devices/{name}/reset", ControlRoutes.ForDevice(devices, ResetAsync));
    }

    private static async Task<IResult> AdvanceAsync(HttpContext context, HostedDevice hosted)
    {
        var (body, error) = await ControlBody.ReadAsync(context, Types.ClockAdvanceRequest, required: true);
        if (error is not null)
        {
            return error;
        }

        if (body!.By is not { } text)
        {
            return BadRequest("by is required (90s, 5m, 2h, 1d, 250ms or hh:mm:ss)");
        }

        if (!DurationText.TryParse(text, out var by) || by < TimeSpan.Zero)
        {
            return BadRequest($"by: {Quote(text)} is not a duration (90s, 5m, 2h, 1d, 250ms or hh:mm:ss)");
        }

        if (by > LongestAdvance)
        {
            return BadRequest($"by: {Quote(text)} is more than {LongestAdvance.TotalDays.ToString(CultureInfo.InvariantCulture)} days");
        }

        return Json(hosted.Device.Locked(d =>
        {
            ControlViews.ClockOf(hosted, d).Advance(by);
            d.CatchUp();
            return ControlViews.Clock(hosted, d);
        }), Types.ClockInfo);
    }

    private static async Task<IResult> SetClockAsync(HttpContext context, HostedDevice hosted)
    {
        var (body, error) = await ControlBody.ReadAsync(context, Types.ClockSetRequest, required: true);
        if (error is not null)
        {
            return error;
        }

        if (body!.Now is not { } text)
        {
            return BadRequest("now is required (an ISO 8601 instant such as 2026-11-27T19:00:00Z)");
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now))
        {
            return BadRequest($"now: {Quote(text)} is not an instant (2026-11-27T19:00:00Z)");
        }

        return hosted.Device.Locked(d =>
        {
            var clock = ControlViews.ClockOf(hosted, d);
            var current = d.Clock.UtcNow;
            if (now < current)
            {
                return Error(StatusCodes.Status409Conflict, $"now: the clock cannot go back: it is {Instant(current)}, {Instant(now)} is earlier");
            }

            if (now - current > LongestAdvance)
            {
                return BadRequest($"now: {Instant(now)} is more than {LongestAdvance.TotalDays.ToString(CultureInfo.InvariantCulture)} days ahead of the clock ({Instant(current)})");
            }

            clock.Advance(now - current);
            d.CatchUp();
            return Json(ControlViews.Clock(hosted, d), Types.ClockInfo);
        });
    }

    private static async Task<IResult> StartGeneratorAsync(HttpContext context, HostedDevice hosted)
    {
        var (body, error) = await ControlBody.ReadAsync(context, Types.GeneratorStartRequest, required: false);
        if (error is not null)
        {
            return error;
        }

        if (body?.Seed is { } seed and (< 0 or > int.MaxValue))
        {
            return BadRequest(string.Create(CultureInfo.InvariantCulture, $"seed: {seed} is out of range (0 to {int.MaxValue})"));
        }

        hosted.StartGenerator((int?)body?.Seed);
        return Json(hosted.Device.Locked(d => ControlViews.Device(hosted, d)), Types.DeviceInfo);
    }

    private static async Task<IResult> StopGeneratorAsync(HttpContext context, HostedDevice hosted)
    {
        var (_, error) = await ControlBody.ReadAsync(context, Types.EmptyRequest, required: false);
        if (error is not null)
        {
            return error;
        }

        hosted.StopGenerator();
        return Json(hosted.Device.Locked(d => ControlViews.Device(hosted, d)), Types.DeviceInfo);
    }

    private static async Task<IResult> ResetAsync(HttpContext context, HostedDevice hosted)
    {
        var (_, error) = await ControlBody.ReadAsync(context, Types.EmptyRequest, required: false);
        if (error is not null)
        {
            return error;
        }

        hosted.Reset();
        return Json(hosted.Device.Locked(d => ControlViews.Device(hosted, d)), Types.DeviceInfo);
    }
}
