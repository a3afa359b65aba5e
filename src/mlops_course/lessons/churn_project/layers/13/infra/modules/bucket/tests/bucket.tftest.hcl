variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}

run "seguro_por_defecto" {
  command = plan

  assert {
    condition     = terraform_data.bucket.input.block_public_access == true
    error_message = "El bucket debe bloquear el acceso público."
  }

  assert {
    condition     = terraform_data.bucket.input.encryption == "aws:kms"
    error_message = "El bucket debe cifrarse con KMS."
  }
}

run "nombre_invalido" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.name]
}

run "tamano_cero" {
  command = plan

  variables {
    storage_gb = 0
  }

  expect_failures = [var.storage_gb]
}
