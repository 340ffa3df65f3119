using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Sessions;
using static VirtualFirewall.Emulator.Control.ControlResults;

namespace VirtualFirewall.Emulator.Control;

/// <summary>The session endpoints: open, end, add traffic, read and list sessions, and read the traffic log.</summary>
internal static class SessionEndpoints
{
    private static readonly string[] ListParameters = ["state", "application", "rule", "from", "to", "source", "destination", "source-port", "destination-port", "protocol", "limit"];

    private static ControlJsonContext Types => ControlJsonContext.Api;

    public static void Map(IEndpointRouteBuilder app, IReadOnlyDictionary<string, HostedDevice> devices)
    {
        app.MapPost("/devices/{name}/sessions", ControlRoutes.ForDevice(devices, CreateAsync));
        app.MapGet("/devices/{name}/sessions", ControlRoutes.ForDevice(devices, (context, hosted) => Task.FromResult(List(context, hosted))));
        app.MapGet("/devices/{name}/sessions/{id}", ControlRoutes.ForDevice(devices, (context, hosted) => Task.FromResult(Get(context, hosted))));
        app.MapPost("/devices/{name}/sessions/{id}/end", ControlRoutes.ForDevice(devices, EndAsync));
        app.MapPost("/devices/{name}/sessions/{id}/traffic", ControlRoutes.ForDevice(devices, TrafficAsync));
        app.MapGet("/devices/{name}/traffic-log", ControlRoutes.ForDevice(devices, (context, hosted) => Task.FromResult(TrafficLog(context, hosted))));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, HostedDevice hosted)
    {
        var (body, error) = await ControlBody.ReadAsync(context, Types.SessionRequest, required: true);
        if (error is not null)
        {
            return error;
        }

        var (description, problem) = SessionRequestCheck.Check(body!);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        return hosted.Device.Locked(d =>
        {
            if (description!.Id is { } id && d.Sessions.IsLive(id))
            {
                return Error(StatusCodes.Status409Conflict, string.Create(CultureInfo.InvariantCulture, $"id: session {id} is already live"));
            }

            Session session;
            try
            {
                session = d.Sessions.Open(DeviceFactory.SpecOf(d, description));
            }
            catch (InvalidOperationException e)
            {
                return Error(StatusCodes.Status409Conflict, e.Message);
            }
            catch (ArgumentException e)
            {
                return BadRequest(e.Message);
            }

            context.Response.Headers.Location = string.Create(CultureInfo.InvariantCulture, $"/devices/{Uri.EscapeDataString(hosted.Name)}/sessions/{session.Id}");
            return Json(ControlViews.Session(session, d), Types.SessionInfo, StatusCodes.Status201Created);
        });
    }

    private static async Task<IResult> EndAsync(HttpContext context, HostedDevice hosted)
    {
        if (Id(context) is not { } id)
        {
            return BadId(context);
        }

        var (body, error) = await ControlBody.ReadAsync(context, Types.SessionEndRequest, required: true);
        if (error is not null)
        {
            return error;
        }

        if (body!.Stage is not { } text)
        {
            return BadRequest($"stage is required; {Stages()}");
        }

        if (!TrackerStageNames.TryParse(text, out var stage))
        {
            return BadRequest($"stage: {Quote(text)} is not a tracker stage; {Stages()}");
        }

        return hosted.Device.Locked(d =>
        {
            if (!d.Sessions.IsLive(id))
            {
                return NotLive(d, id);
            }

            var session = d.Sessions.Find(id)!;
            if (session.EndTime is not null)
            {
                return Error(StatusCodes.Status409Conflict, string.Create(CultureInfo.InvariantCulture, $"session {id} has already ended ({SessionNames.Of(session.TrackerStage)}) and is {SessionNames.Of(session.State)} until it is freed"));
            }

            try
            {
                d.Sessions.End(id, stage);
            }
            catch (ArgumentException e)
            {
                return BadRequest($"stage: {e.Message}");
            }

            return Json(ControlViews.Session(d.Sessions.Find(id)!, d), Types.SessionInfo);
        });
    }

    private static async Task<IResult> TrafficAsync(HttpContext context, HostedDevice hosted)
    {
        if (Id(context) is not { } id)
        {
            return BadId(context);
        }

        var (body, error) = await ControlBody.ReadAsync(context, Types.SessionTrafficRequest, required: true);
        if (error is not null)
        {
            return error;
        }

        const long Most = long.MaxValue / 2;
        var problem = SessionRequestCheck.Range("bytes-c2s", body!.BytesC2S, 0, Most)
            ?? SessionRequestCheck.Range("bytes-s2c", body.BytesS2C, 0, Most)
            ?? SessionRequestCheck.Range("packets-c2s", body.PacketsC2S, 0, Most)
            ?? SessionRequestCheck.Range("packets-s2c", body.PacketsS2C, 0, Most);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        return hosted.Device.Locked(d =>
        {
            if (!d.Sessions.RecordTraffic(id, body.BytesC2S ?? 0, body.BytesS2C ?? 0, body.PacketsC2S ?? 0, body.PacketsS2C ?? 0))
            {
                return NotLive(d, id);
            }

            return Json(ControlViews.Session(d.Sessions.Find(id)!, d), Types.SessionInfo);
        });
    }

    private static IResult Get(HttpContext context, HostedDevice hosted)
    {
        if (Id(context) is not { } id)
        {
            return BadId(context);
        }

        return hosted.Device.Locked(d => d.Sessions.Find(id) is { } session
            ? Json(ControlViews.Session(session, d), Types.SessionInfo)
            : Error(StatusCodes.Status404NotFound, string.Create(CultureInfo.InvariantCulture, $"session {id} is neither live nor recently ended")));
    }

    private static IResult List(HttpContext context, HostedDevice hosted)
    {
        var (values, error) = ControlQuery.Read(context, ListParameters);
        if (error is not null)
        {
            return error;
        }

        if (ControlQuery.Limit(values!) is not { } limit)
        {
            return ControlQuery.BadLimit(values!);
        }

        var (filter, problem) = Filter(values!);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        return Json(hosted.Device.Locked(d => d.Sessions.Scan(filter).Take(limit).Select(s => ControlViews.Session(s, d)).ToArray()), Types.SessionInfoArray);
    }

    private static IResult TrafficLog(HttpContext context, HostedDevice hosted)
    {
        var (values, error) = ControlQuery.Read(context, "session-id", "limit");
        if (error is not null)
        {
            return error;
        }

        if (ControlQuery.Limit(values!) is not { } limit)
        {
            return ControlQuery.BadLimit(values!);
        }

        uint? sessionId = null;
        if (values!.TryGetValue("session-id", out var text))
        {
            sessionId = ControlViews.SessionId(text);
            if (sessionId is null)
            {
                return BadRequest($"session-id: {Quote(text)} is not a session id (1 to {uint.MaxValue})");
            }
        }

        return Json(hosted.Device.Locked(d => d.TrafficLog.NewestFirst()
            .Where(e => sessionId is null || e.SessionId == sessionId)
            .Take(limit)
            .Select(ControlViews.LogEntry)
            .ToArray()), Types.TrafficLogEntryInfoArray);
    }

    private static (SessionFilter? Filter, string? Error) Filter(IReadOnlyDictionary<string, string> values)
    {
        string? Text(string key) => values.TryGetValue(key, out var value) ? value : null;

        SessionState? state = null;
        if (Text("state") is { } stateText)
        {
            state = Enum.GetValues<SessionState>().Cast<SessionState?>().FirstOrDefault(s => string.Equals(SessionNames.Of(s!.Value), stateText, StringComparison.OrdinalIgnoreCase));
            if (state is null)
            {
                return (null, $"state: {Quote(stateText)} is not one of: {string.Join(", ", Enum.GetValues<SessionState>().Select(s => SessionNames.Of(s).ToLowerInvariant()))}");
            }
        }

        int? protocol = null;
        if (Text("protocol") is { } protocolText)
        {
            protocol = DeviceDescriptionReader.ProtocolNumber(protocolText.ToLowerInvariant());
            if (protocol is null)
            {
                return (null, $"protocol: {Quote(protocolText)} is not tcp, udp, icmp or a number from 0 to 255");
            }
        }

        var problem = SessionRequestCheck.Address("source", Text("source")) ?? SessionRequestCheck.Address("destination", Text("destination"));
        var (sourcePort, sourcePortProblem) = Port("source-port", Text("source-port"));
        var (destinationPort, destinationPortProblem) = Port("destination-port", Text("destination-port"));
        if ((problem ?? sourcePortProblem ?? destinationPortProblem) is { } error)
        {
            return (null, error);
        }

        return (new SessionFilter
        {
            State = state,
            Application = Text("application"),
            Rule = Text("rule"),
            From = Text("from"),
            To = Text("to"),
            Source = Text("source") is { } source ? IPAddress.Parse(source) : null,
            Destination = Text("destination") is { } destination ? IPAddress.Parse(destination) : null,
            SourcePort = sourcePort,
            DestinationPort = destinationPort,
            Protocol = protocol,
        }, null);
    }

    private static (int? Port, string? Error) Port(string field, string? text) =>
        text is null ? (null, null)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? (port, null)
            : (null, $"{field}: {Quote(text)} is not a port (0 to 65535)");

    private static uint? Id(HttpContext context) => ControlViews.SessionId(ControlRoutes.RouteValue(context, "id"));

    private static IResult BadId(HttpContext context) =>
        BadRequest($"id: {Quote(ControlRoutes.RouteValue(context, "id"))} is not a session id (1 to {uint.MaxValue})");

    private static IResult NotLive(Device device, uint id) =>
        Error(StatusCodes.Status404NotFound, device.Sessions.Find(id) is { } ended
            ? string.Create(CultureInfo.InvariantCulture, $"session {id} is not live: it ended ({SessionNames.Of(ended.EndReason)})")
            : string.Create(CultureInfo.InvariantCulture, $"session {id} is not live"));

    private static string Stages() =>
        $"expected one of: {string.Join(", ", TrackerStageNames.Stages.Select(SessionNames.Of))} (or their end reasons: {TrackerStageNames.Known})";
}
