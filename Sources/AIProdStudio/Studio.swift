import AIProdCore
