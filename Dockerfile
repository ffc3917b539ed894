# Build: the SDK image restores and publishes the host.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig BotSuite.sln ./
COPY src/Bot.Core/Bot.Core.csproj src/Bot.Core/
COPY src/Bot.Host/Bot.Host.csproj src/Bot.Host/
RUN dotnet restore src/Bot.Host/Bot.Host.csproj
COPY src/ src/
RUN dotnet publish src/Bot.Host/Bot.Host.csproj -c Release -o /app --no-restore

# Run: the ASP.NET Core runtime image (the host carries Kestrel for its web endpoints), as the image's non-root
# 'app' user, with the database on a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
# A font for the labels of the /trend chart (SkiaSharp reads /usr/share/fonts itself).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
VOLUME /data
ENV ConnectionStrings__Bot="Data Source=/data/botsuite.db" \
    DOTNET_ENVIRONMENT=Production
ENTRYPOINT ["dotnet", "Bot.Host.dll"]
