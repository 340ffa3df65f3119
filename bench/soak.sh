#!/usr/bin/env bash
# The soak of Tests/Reliability/SoakTests.cs at full size: 100 SSH administrators for 10 minutes
# (override with SOAK_CLIENTS / SOAK_SECONDS / SOAK_MAX_GROWTH_MB); prints commands, commits and memory samples.
cd "$(dirname "$0")/.." && SOAK_CLIENTS="${SOAK_CLIENTS:-100}" SOAK_SECONDS="${SOAK_SECONDS:-600}" exec dotnet test Tests -c Release --filter "FullyQualifiedName~Reliability.SoakTests" --logger "console;verbosity=detailed"
