{{/* Chart name, overridable. */}}
{{- define "runwright.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart, or the release name when it already contains the chart name. */}}
{{- define "runwright.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "runwright.selectorLabels" -}}
app.kubernetes.io/name: {{ include "runwright.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "runwright.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "runwright.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: runwright
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "runwright.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "runwright.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "runwright.leaseName" -}}
{{- default (include "runwright.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}

{{- define "runwright.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
The rules the operator needs in every namespace it watches, and nothing more. Each rule is exercised
by the end-to-end tests (ChartRbacE2E compares them with the API calls the operator makes).
*/}}
{{- define "runwright.watchRules" -}}
# Watch the three kinds (the operator reads them from its informers' caches, never with a get).
- apiGroups: ["runwright.dev"]
  resources: ["cloudsqldatabases", "migrationjobs", "cloudrunservices"]
  verbs: ["list", "watch"]
# Add and remove the operator's finalizer; a MigrationJob has none (its deletion needs no cleanup).
- apiGroups: ["runwright.dev"]
  resources: ["cloudsqldatabases", "cloudrunservices"]
  verbs: ["patch"]
# Publish conditions, observedGeneration and Google resource names.
- apiGroups: ["runwright.dev"]
  resources: ["cloudsqldatabases/status", "migrationjobs/status", "cloudrunservices/status"]
  verbs: ["patch"]
# Kubernetes Events about every change to Google resources and every failure (counted, not repeated).
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["get", "create", "patch"]
# The per-database migration lock: a Lease next to the CloudSqlDatabase, held while a migration runs.
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update", "delete"]
{{- end }}

{{/* Fails rendering with every problem of the values at once. */}}
{{- define "runwright.validate" -}}
{{- $problems := list }}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.leaderElection.enabled) }}
{{- $problems = append $problems "replicaCount > 1 needs leaderElection.enabled=true (several active replicas would reconcile the same resources)" }}
{{- end }}
{{- if not (has (upper .Values.logging.level) (list "TRACE" "DEBUG" "INFO" "WARN" "ERROR")) }}
{{- $problems = append $problems (printf "logging.level must be TRACE, DEBUG, INFO, WARN or ERROR, not %q" .Values.logging.level) }}
{{- end }}
{{- if not (has .Values.logging.format (list "json" "text")) }}
{{- $problems = append $problems (printf "logging.format must be json or text, not %q" .Values.logging.format) }}
{{- end }}
{{- if and .Values.metrics.serviceMonitor.enabled (not .Values.metrics.service.enabled) }}
{{- $problems = append $problems "metrics.serviceMonitor.enabled needs metrics.service.enabled" }}
{{- end }}
{{- if $problems }}
{{- fail (printf "\ninvalid values:\n- %s" (join "\n- " $problems)) }}
{{- end }}
{{- end }}
