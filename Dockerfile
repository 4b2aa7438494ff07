# syntax=docker/dockerfile:1
# Multi-stage build of the Milestones API. The runtime image runs as the non-root `app` user, adds no
# packages (its health check is the API's own `--probe`), and logs JSON lines to the console.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Milestones.Domain/Milestones.Domain.csproj src/Milestones.Domain/
COPY src/Milestones.Application/Milestones.Application.csproj src/Milestones.Application/
COPY src/Milestones.Infrastructure/Milestones.Infrastructure.csproj src/Milestones.Infrastructure/
COPY src/Milestones.Api/Milestones.Api.csproj src/Milestones.Api/
RUN dotnet restore src/Milestones.Api/Milestones.Api.csproj -r linux-x64
COPY src/ src/
# For linux-x64 only, framework-dependent: the native libraries of other systems (SQLite's, SqlClient's,
# about 99 of 118 MB) stay out of the image.
RUN dotnet publish src/Milestones.Api/Milestones.Api.csproj -c Release -r linux-x64 --self-contained false -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Logging__Console__FormatterName=json \
    Database__Provider=SqlServer \
    Milestones__Deadlines__Enabled=true
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=6 \
  CMD ["dotnet", "Milestones.Api.dll", "--probe", "http://localhost:8080/health/ready"]
ENTRYPOINT ["dotnet", "Milestones.Api.dll"]
