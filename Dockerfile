# Build: the .NET 10 SDK publishes the emulator (framework-dependent) to /app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the package restore stays cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Engine/Engine.csproj Engine/
COPY Grammar/Grammar.csproj Grammar/
COPY Ssh/Ssh.csproj Ssh/
COPY Emulator/Emulator.csproj Emulator/
RUN dotnet restore Emulator
COPY . .
RUN dotnet publish Emulator -c Release -o /app

# Run: the runtime image with ASP.NET Core, which the emulator's control API uses.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# /data keeps the SSH host keys and the saved configurations; /app/logs the rolling log file.
RUN mkdir -p /data/host-keys /data/state /app/logs && chown -R 1654:1654 /data /app/logs
# The image's non-root `app` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1654:1654
VOLUME /data
# Device i of the process listens on SSH 2222 + i and Telnet --telnet-port + i; these ranges fit
# 250 devices with --telnet-port 3222 (deploy/statefulset.yaml). One device alone uses 2222 and 2323.
EXPOSE 2222-2471/tcp 3222-3471/tcp
ENTRYPOINT ["dotnet", "VirtualFirewall.Emulator.dll", "--listen", "0.0.0.0", "--host-key-dir", "/data/host-keys", "--state-dir", "/data/state"]
