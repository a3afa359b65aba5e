# terraform test: cada run hace un plan (o un apply en un estado temporal) y comprueba asserts.
variables {
  environment = "dev"
  network     = { cidr = "10.10.0.0/16", az_count = 2 }
  service = {
    image           = "000000000000.dkr.ecr.us-east-1.amazonaws.com/churn@sha256:abababababababababababababababababababababababababababababababab"
    replicas        = 3
    instance_type   = "t3.small"
    hours_per_month = 200
  }
  artifacts = {
    dvc    = { storage_gb = 20, versioning = true }
    mlflow = { storage_gb = 10, versioning = true }
  }
}

run "replicas_spread_over_subnets" {
  command = plan

  assert {
    condition     = module.service.replicas == 3
    error_message = "El servicio debe tener 3 réplicas."
  }

  assert {
    condition     = length(module.network.subnet_ids) == 2
    error_message = "Debe haber una subred por zona."
  }
}

run "outputs_after_apply" {
  command = apply

  assert {
    condition     = output.artifact_buckets["dvc"] == "s3://churn-dev-dvc"
    error_message = "El bucket de DVC debe llamarse churn-dev-dvc."
  }

  assert {
    condition     = output.cost_inputs.registry_gb == 5
    error_message = "El registro guarda 10 imágenes de 0.5 GB."
  }
}

run "rejects_unknown_environment" {
  command = plan

  variables {
    environment = "qa"
  }

  expect_failures = [var.environment]
}

run "rejects_image_by_tag" {
  command = plan

  variables {
    service = {
      image           = "churn:latest"
      replicas        = 1
      instance_type   = "t3.small"
      hours_per_month = 200
    }
  }

  expect_failures = [var.service]
}
