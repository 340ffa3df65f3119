using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NLog;
using VirtualFirewall.Emulator.Inventory;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// The control API test harnesses use to arrange device state: HTTP/JSON on 127.0.0.1 only (README
/// "Control API"). Every call that touches a device runs under the device's lock through
/// <see cref="VirtualFirewall.Engine.Device.Locked{T}"/>, after the device has caught up with its clock.
/// </summary>
public sealed class ControlApiHost : IAsyncDisposable
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private ControlApiHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, such as <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Serves the control API for <paramref name="devices"/> on 127.0.0.1.</summary>
    /// <param name="devices">The devices, addressed by <see cref="HostedDevice.Name"/> (unique).</param>
    /// <param name="port">The TCP port; 0 lets the OS pick one (see <see cref="BaseAddress"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    public static async Task<ControlApiHost> StartAsync(IReadOnlyList<HostedDevice> devices, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var byName = new Dictionary<string, HostedDevice>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            if (!byName.TryAdd(device.Name, device))
            {
                throw new ArgumentException($"Two devices are named {device.Name}.", nameof(devices));
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Nothing from appsettings files or ASPNETCORE_ variables reaches this API, and no file watcher is left behind.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime>(new QuietHostLifetime());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, port);
        });

        var app = builder.Build();
        app.Use(GuardAsync);
        app.Use(LoopbackHostFilter.RequireLoopbackHostAsync);
        DeviceEndpoints.Map(app, byName, devices);
        SessionEndpoints.Map(app, byName);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The control API did not report the address it listens on.");
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        Log.Info("control API listening on {Address}", baseAddress);
        return new ControlApiHost(app, baseAddress);
    }

    /// <summary>Stops listening, gives requests in flight a few seconds, and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Log.Warn("control API: requests still running after {Timeout} were abandoned", StopTimeout);
            }
        }

        await _app.DisposeAsync();
    }

    /// <summary>
    /// Every answer is JSON: an exception becomes a 500 (or the status Kestrel gave it) with an error body,
    /// and an error status with no body (no such route, wrong method) gets one.
    /// </summary>
    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, e.Message);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            Log.Error(e, "control API: {Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, $"internal error: {e.GetType().Name}: {e.Message}");
            return;
        }

        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && !context.Response.HasStarted)
        {
            var message = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"no such endpoint: {context.Request.Method} {context.Request.Path.Value}",
                StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path.Value}",
                var status => ReasonPhrases.GetReasonPhrase(status),
            };
            await WriteAsync(context, context.Response.StatusCode, message);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        return ControlResults.Error(status, message).ExecuteAsync(context);
    }
}
