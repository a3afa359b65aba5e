# Variables del entorno dev: se usan con el workspace dev.
environment = "dev"

network = {
  cidr     = "10.10.0.0/16"
  az_count = 1
}

service = {
  image           = "000000000000.dkr.ecr.us-east-1.amazonaws.com/churn-dev@sha256:abababababababababababababababababababababababababababababababab"
  replicas        = 1
  instance_type   = "t3.small"
  hours_per_month = 200
}

artifacts = {
  dvc    = { storage_gb = 20, versioning = false }
  mlflow = { storage_gb = 10, versioning = false }
}
