output "uri" {
  description = "URI del bucket, como la escribe dvc remote add o MLFLOW_ARTIFACTS_DESTINATION."
  value       = "s3://${var.name}"
}

output "storage_gb" {
  description = "GB esperados."
  value       = var.storage_gb
}
